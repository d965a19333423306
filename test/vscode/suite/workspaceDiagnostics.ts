/**
 * Workspace diagnostics: reports nobody opened are in the Problems panel (vscode.languages.getDiagnostics), follow
 * the disk (changed, created, deleted), give way to the editor's text while open, and go when the setting is off.
 * Runs last: it writes files, and the watcher events that follow must not reach the other files' tests.
 * Closing a report (its problems on disk come back) is tested over the wire (test/protocol.test.ts): VS Code keeps a
 * document an extension opened for up to three minutes after its editor closes before it tells the server.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { UNOPENED_REPORT } from '../workspace';
import { cliFindings, codeOf, extension, waitFor, workspaceUri } from './helpers';

const config = () => vscode.workspace.getConfiguration('xxgk');
const codes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'xxgk').map(codeOf);
const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

describe('workspace diagnostics', () => {
  const unopened = workspaceUri(UNOPENED_REPORT);
  const created = workspaceUri('departments/new-2024.xxgk.yaml');

  before(() => {
    extension();
  });

  after(async () => {
    await config().update('workspaceDiagnostics', undefined, vscode.ConfigurationTarget.Global);
    rmSync(created.fsPath, { force: true });
  });

  it('lists the problems of a report nobody opened, exactly as `xxgk check` does', async () => {
    const expected = cliFindings(unopened.fsPath).map((f) => `${f.rule}@${f.line}:${f.column}`).sort();
    assert.ok(expected.length > 10, `xxgk check found only ${expected.length} problems in the mistakes sample`);
    const inPanel = () => vscode.languages.getDiagnostics(unopened).filter((d) => d.source === 'xxgk')
      .map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`).sort();
    await waitFor('the unopened report’s diagnostics to match xxgk check', () => inPanel().join('\n') === expected.join('\n'))
      .catch(() => assert.deepEqual(inPanel(), expected));
    assert.equal(isOpen(unopened), false, 'the report was opened: this would not test workspace diagnostics');
  });

  it('re-checks a report changed on disk', async () => {
    const text = readFileSync(unopened.fsPath, 'utf8');
    assert.ok(codes(unopened).includes('T3-ROW-TOTAL'));
    writeFileSync(unopened.fsPath, text.replace('[61, 9, 1, 0, 3, 1, 76]', '[61, 9, 1, 0, 3, 1, 75]'));
    await waitFor('T3-ROW-TOTAL to go after the fix on disk', () => !codes(unopened).includes('T3-ROW-TOTAL') && codes(unopened).length > 0);
    assert.equal(isOpen(unopened), false);
  });

  it('checks a report created on disk, and clears it when it is deleted', async () => {
    mkdirSync(dirname(created.fsPath), { recursive: true });
    writeFileSync(created.fsPath, '机关: 示例县某局\n年度: 2024\n');
    await waitFor('the new report’s problems', () => codes(created).includes('STR-PARTS'));
    rmSync(created.fsPath);
    await waitFor('the deleted report’s problems to go', () => codes(created).length === 0);
  });

  it('turned off, the unopened reports’ problems go; turned on, they come back', async () => {
    await config().update('workspaceDiagnostics', false, vscode.ConfigurationTarget.Global);
    await waitFor('the unopened report’s problems to go', () => codes(unopened).length === 0);
    await config().update('workspaceDiagnostics', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the unopened report’s problems to come back', () => codes(unopened).length > 0);
  });
});
