/** Activation in a workspace with reports, and the seed sample's diagnostics as the editor receives them. */
import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { LONG, SEED, cliFindings, codeOf, diagnosticKeys, extension, openReport, waitFor, workspaceUri } from './helpers';

/** Problems the seed sample is known for (see its header comment), as `RULE@line`. */
const SEED_PROBLEMS = [
  'DATE-BEFORE-PERIOD-END@9', // 落款日期 2023年1月22日, before the year ended
  'TXT-DOUBLED@25', // “进行进行”, “张营乡乡”
  'STR-GOV-ART50-4@26',
  'T3-SHAPE@38', // table three stops at （五）4
  'T3-BLANK@41', // blank cells
  'STR-PARTS@67', // part four and its table are missing: one finding
  'FEE-SHAPE@72', // no fee figures in part six
];

describe('activation', () => {
  before(() => {
    extension(); // loaded (not yet active), or every test here fails at once
  });

  it('activates in a workspace that contains reports, before any is opened (workspace diagnostics need it)', async () => {
    const ext = extension();
    await waitFor('the extension to activate', () => ext.isActive, LONG);
    const opened = vscode.workspace.textDocuments.filter((d) => d.languageId === 'xxgk').map((d) => d.uri.fsPath);
    assert.deepEqual(opened, [], 'a report was opened before the extension activated: activation was not workspaceContains');
    const editor = await openReport(workspaceUri(SEED));
    assert.equal(editor.document.languageId, 'xxgk');
  });

  it('shows the seed sample’s problems with rule ids on their lines', async () => {
    const uri = workspaceUri(SEED);
    const keys = await waitFor('the seed’s diagnostics', () => {
      const k = diagnosticKeys(uri);
      return SEED_PROBLEMS.every((p) => k.includes(p)) && k;
    });
    const date = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'DATE-BEFORE-PERIOD-END');
    assert.equal(date?.severity, vscode.DiagnosticSeverity.Error);
    // The very cell: 落款日期's value starts at column 7 of line 9.
    assert.deepEqual([date?.range.start.line, date?.range.start.character], [8, 6]);
    assert.ok(keys.filter((k) => k === 'TXT-DOUBLED@25').length === 2, `two doubled words on line 25, got ${keys.join(' ')}`);
  });

  it('shows exactly what `xxgk check` reports for the same file', async () => {
    const uri = workspaceUri(SEED);
    const severities = ['error', 'warning', 'info', 'hint'];
    const expected = cliFindings(uri.fsPath).map((f) => `${f.rule}@${f.line}:${f.column} ${f.severity}`).sort();
    const inEditor = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'xxgk')
      .map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1} ${severities[d.severity]}`).sort();
    // 27 since blank cells are one finding per row (issue 11); a handful would mean the CLI did not really check.
    assert.ok(expected.length > 20, `xxgk check found only ${expected.length} problems in the seed`);
    await waitFor('the editor’s diagnostics to match xxgk check', () => inEditor().join('\n') === expected.join('\n'), 10_000)
      .catch(() => assert.deepEqual(inEditor(), expected));
  });
});
