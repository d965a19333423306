/** Completion, hover and a quick fix, asked for through VS Code's own provider commands. */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, extension, openReport, seedCopy, waitFor } from './helpers';

const PART_FOUR = '四、政府信息公开行政复议、行政诉讼情况';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

function insertedText(item: vscode.CompletionItem): string {
  const t = item.insertText ?? (typeof item.label === 'string' ? item.label : item.label.label);
  return typeof t === 'string' ? t : t.value;
}

describe('language features', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    extension();
    doc = (await openReport(seedCopy('features.xxgk.yaml'))).document;
    await waitFor('diagnostics of features.xxgk.yaml', () => vscode.languages.getDiagnostics(doc.uri).length > 0);
  });

  after(async () => {
    if (doc?.isDirty) await doc.save(); // a copy: leaves no unsaved editor behind
  });

  it('completes the missing part four, with table four, where it belongs', async () => {
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('五、'));
    assert.ok(line > 0, 'part five not found');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line - 1, 0));
    const item = list.items.find((i) => insertedText(i).startsWith(`${PART_FOUR}:`));
    const offered = list.items.map((i) => insertedText(i).split('\n')[0]).join(' | ');
    assert.ok(item, `no completion inserts part four; offered: ${offered}`);
    assert.match(insertedText(item), /行政复议:/, 'part four comes with table four’s rows');
  });

  it('hovers a total with its official label and the computed value', async () => {
    const line = doc.getText().split('\n').findIndex((l) => /^\s+本年新收:/.test(l));
    const character = doc.lineAt(line).text.lastIndexOf('0'); // the written 总计
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider', doc.uri, new vscode.Position(line, character));
    const text = hoverText(hovers);
    for (const expected of ['一、本年新收政府信息公开申请数量', '总计']) {
      assert.ok(text.includes(expected), `hover lacks “${expected}”:\n${text}`);
    }
  });

  it('applies a quick fix for a doubled word through workspace.applyEdit', async () => {
    const doubled = vscode.languages.getDiagnostics(doc.uri)
      .find((d) => codeOf(d) === 'TXT-DOUBLED' && doc.getText(d.range) === '进行进行');
    assert.ok(doubled, 'no TXT-DOUBLED diagnostic on “进行进行”');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', doc.uri, doubled.range, vscode.CodeActionKind.QuickFix.value);
    // The command's CodeActions carry no diagnostics (VS Code drops them): the fix is the one editing this word.
    const fix = actions.find((a) => a.kind?.value === 'quickfix'
      && a.edit?.get(doc.uri).some((e) => e.range.intersection(doubled.range) !== undefined));
    assert.ok(fix?.edit, `no quick fix edits “进行进行”; offered: ${actions.map((a) => a.title).join(' | ')}`);
    const before = doc.getText().split('\n');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'workspace.applyEdit refused the fix');
    const after = doc.getText().split('\n');
    const row = doubled.range.start.line;
    assert.equal(after[row], before[row].replace('进行进行', '进行'), 'the fix did not turn “进行进行” into “进行”');
    assert.deepEqual([...after.slice(0, row), ...after.slice(row + 1)], [...before.slice(0, row), ...before.slice(row + 1)],
      'the fix changed other lines');
    await waitFor('the TXT-DOUBLED diagnostic on “进行进行” to go', () => !vscode.languages.getDiagnostics(doc.uri)
      .some((d) => codeOf(d) === 'TXT-DOUBLED' && d.range.start.isEqual(doubled.range.start)));
  });
});
