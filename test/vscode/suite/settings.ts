/**
 * Settings changed in VS Code reach the language server and take effect: column-name inlay hints, and
 * `xxgk.validate: onSave` (problems follow the text only when it is saved).
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { SETTINGS_REPORT } from '../workspace';
import { codeOf, extension, openReport, serverRoundTrip, waitFor, workspaceUri } from './helpers';

const config = () => vscode.workspace.getConfiguration('xxgk');

async function columnNameHints(doc: vscode.TextDocument): Promise<number> {
  const all = new vscode.Range(0, 0, doc.lineCount, 0);
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, all);
  const label = (h: vscode.InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
  return hints.filter((h) => label(h) === '自然人:').length;
}

/**
 * Sets xxgk.inlayHints.columnNames and waits until the server's hints follow it. The server reads the whole `xxgk`
 * section at once, so this also proves it has read every setting changed before.
 */
async function setColumnNames(doc: vscode.TextDocument, on: boolean): Promise<void> {
  await config().update('inlayHints.columnNames', on ? undefined : false, vscode.ConfigurationTarget.Global);
  await waitFor(`column-name hints ${on ? 'on' : 'off'}`, async () => ((await columnNameHints(doc)) > 0) === on);
}

describe('settings', () => {
  let doc: vscode.TextDocument;
  /** Where the seed's “进行进行” is flagged (a TXT-DOUBLED diagnostic). */
  let doubled: vscode.Range;
  const flagged = () => vscode.languages.getDiagnostics(doc.uri)
    .some((d) => codeOf(d) === 'TXT-DOUBLED' && d.range.isEqual(doubled));

  before(async () => {
    extension();
    doc = (await openReport(workspaceUri(SETTINGS_REPORT))).document;
    const d = await waitFor('the doubled word flagged', () => vscode.languages.getDiagnostics(doc.uri)
      .find((x) => codeOf(x) === 'TXT-DOUBLED' && doc.getText(x.range) === '进行进行'));
    doubled = d.range;
  });

  after(async () => {
    if (doc?.isDirty) await doc.save();
    await config().update('validate', undefined, vscode.ConfigurationTarget.Global);
    await config().update('inlayHints.columnNames', undefined, vscode.ConfigurationTarget.Global);
  });

  it('xxgk.inlayHints.columnNames hides and shows the column names in table rows', async () => {
    assert.ok((await columnNameHints(doc)) > 0, 'no column-name hints with the default setting');
    await setColumnNames(doc, false);
    await setColumnNames(doc, true);
  });

  it('xxgk.validate onSave checks a report when it is saved, not while typing', async () => {
    await config().update('validate', 'onSave', vscode.ConfigurationTarget.Global);
    await setColumnNames(doc, false); // the server has now read validate: onSave
    const fixWord = new vscode.WorkspaceEdit();
    fixWord.replace(doc.uri, doubled, '进行');
    assert.ok(await vscode.workspace.applyEdit(fixWord));
    // Were it still checking as you type, the check of this edit would be published before the probe's.
    await serverRoundTrip();
    assert.ok(flagged(), 'the report was checked while typing although xxgk.validate is onSave');
    assert.ok(await doc.save(), 'the report was not saved');
    await waitFor('the check on save to clear the fixed word', () => !flagged());

    await config().update('validate', undefined, vscode.ConfigurationTarget.Global);
    await setColumnNames(doc, true); // the server has now read validate: onType
    const doubleAgain = new vscode.WorkspaceEdit();
    doubleAgain.replace(doc.uri, new vscode.Range(doubled.start, doubled.start.translate(0, 2)), '进行进行');
    assert.ok(await vscode.workspace.applyEdit(doubleAgain));
    await waitFor('the doubled word flagged again without saving (onType)', flagged);
    assert.equal(doc.isDirty, true);
  });
});
