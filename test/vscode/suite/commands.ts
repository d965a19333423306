/**
 * Every command the extension contributes is registered and does its job when run. Commands that would show a
 * dialog take its answer as arguments (as keybindings and tasks can), so nothing waits for a person.
 */
import JSZip from 'jszip';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { REVIEW_FILES, REVIEW_FOLDER } from '../workspace';
import { PUBLISHED_TXT, extension, extensionRoot, openReport, seedCopy, waitFor, workspaceDir, workspaceUri } from './helpers';

function contributedCommands(): string[] {
  const manifest = extension().packageJSON as { contributes?: { commands?: Array<{ command: string }> } };
  const commands = manifest.contributes?.commands ?? [];
  if (!commands.length) throw new Error('package.json contributes no commands');
  return commands.map((c) => c.command);
}

function webviewTabs(viewType: string): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
}

function previewTabs(): vscode.Tab[] {
  return webviewTabs('xxgk.preview');
}

interface ReviewedReport { file: string; findings: Array<{ rule: string; line: number }> }

/** The line of `key` in a report (compared whole, so a failure shows that line, not the whole report). */
function keyLine(text: string, key: string): string | undefined {
  return new RegExp(`^${key}:.*$`, 'm').exec(text)?.[0];
}

function activeUri(): string | undefined {
  return vscode.window.activeTextEditor?.document.uri.toString();
}

/** The language servers this extension host started (the process list is the only outside view of them). */
function serverPids(): number[] {
  const r = spawnSync('pgrep', ['-P', String(process.pid), '-f', `${extensionRoot()}/server/out/server.js`], { encoding: 'utf8' });
  return r.stdout.split('\n').filter(Boolean).map(Number);
}

describe('commands', () => {
  const exercised = new Set<string>();
  async function run<T>(command: string, ...args: unknown[]): Promise<T> {
    exercised.add(command);
    return vscode.commands.executeCommand<T>(command, ...args);
  }
  let report: vscode.Uri;

  before(async () => {
    extension();
    report = seedCopy('commands-2023.xxgk.yaml');
    await openReport(report);
  });

  it('registers every command contributed in package.json', async () => {
    const contributed = contributedCommands();
    assert.ok(contributed.length >= 7, `package.json contributes only ${contributed.length} commands`);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), [], 'contributed but not registered');
  });

  it('xxgk.showPreview opens a webview panel in the editor’s column', async () => {
    const column = vscode.window.activeTextEditor?.viewColumn;
    await run('xxgk.showPreview');
    const tab = await waitFor('a preview tab', () => previewTabs()[0]);
    assert.equal(tab.group.viewColumn, column);
    assert.equal(tab.isActive, true, 'the preview is not the active tab of its group');
  });

  it('xxgk.showSource goes from the preview back to the report', async () => {
    await waitFor('the preview to be the active tab',
      () => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputWebview);
    assert.notEqual(activeUri(), report.toString(), 'the report is still the active editor; showSource would prove nothing');
    await run('xxgk.showSource');
    await waitFor('the report to be the active editor', () => activeUri() === report.toString());
  });

  it('xxgk.showPreviewToSide opens the preview beside the editor and keeps the focus there', async () => {
    const side = seedCopy('side-2023.xxgk.yaml');
    const editor = await openReport(side);
    const count = previewTabs().length;
    await run('xxgk.showPreviewToSide');
    const tabs = await waitFor('a second preview tab', () => previewTabs().length > count && previewTabs());
    const added = tabs.find((t) => t.group.viewColumn !== editor.viewColumn);
    assert.ok(added, 'the new preview is not in another column');
    assert.equal(activeUri(), side.toString(), 'the focus left the report');
  });

  it('xxgk.exportHtml writes the file it reports, identical to `xxgk render`', async () => {
    const destination = workspaceUri('commands-2023.html');
    const written = await run<vscode.Uri | undefined>('xxgk.exportHtml', report, destination);
    assert.equal(written?.fsPath, destination.fsPath, 'the command did not report the file it wrote');
    assert.ok(existsSync(destination.fsPath), `${destination.fsPath} was not written`);
    const cliOut = join(workspaceDir(), 'cli-render.html');
    const r = spawnSync(process.execPath, [join(extensionRoot(), 'server/out/cli.js'), 'render', report.fsPath, '-o', cliOut],
      { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    assert.equal(r.status, 0, `xxgk render failed: ${r.stderr}`);
    const html = readFileSync(destination.fsPath, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(html === readFileSync(cliOut, 'utf8'), 'the exported HTML differs from xxgk render’s');
  });

  it('xxgk.exportDocx writes the Word file it reports, identical to `xxgk render -o x.docx`', async () => {
    const destination = workspaceUri('commands-2023.docx');
    const written = await run<vscode.Uri | undefined>('xxgk.exportDocx', report, destination);
    assert.equal(written?.fsPath, destination.fsPath, 'the command did not report the file it wrote');
    assert.ok(existsSync(destination.fsPath), `${destination.fsPath} was not written`);
    const cliOut = join(workspaceDir(), 'cli-render.docx');
    const r = spawnSync(process.execPath, [join(extensionRoot(), 'server/out/cli.js'), 'render', report.fsPath, '-o', cliOut],
      { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    assert.equal(r.status, 0, `xxgk render failed: ${r.stderr}`);
    const docx = readFileSync(destination.fsPath);
    assert.equal(docx.subarray(0, 2).toString('latin1'), 'PK', 'not a zip (Word) file');
    // The zip's entries carry the time they were written: compare the document itself.
    const body = async (bytes: Buffer) => (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    assert.ok(await body(docx) === await body(readFileSync(cliOut)), 'the exported Word file differs from xxgk render’s');
  });

  it('xxgk.importReport turns a published text into a report and opens it; never replaces a file', async () => {
    const destination = workspaceUri('imported.xxgk.yaml');
    const created = await run<vscode.Uri | undefined>('xxgk.importReport', workspaceUri(PUBLISHED_TXT), destination);
    assert.equal(created?.fsPath, destination.fsPath);
    await waitFor('the imported report in the editor', () => activeUri() === destination.toString());
    const doc = vscode.window.activeTextEditor!.document;
    assert.equal(doc.languageId, 'xxgk');
    assert.equal(keyLine(doc.getText(), '机关'), '机关: 张营乡人民政府');
    assert.equal(keyLine(doc.getText(), '年度'), '年度: 2023');
    const again = await run<vscode.Uri | undefined>('xxgk.importReport', workspaceUri(PUBLISHED_TXT), destination);
    assert.equal(again, undefined, 'importing onto an existing file went ahead');
    assert.equal(readFileSync(destination.fsPath, 'utf8'), doc.getText(), 'the existing file changed');
  });

  it('xxgk.newFromLastYear makes next year’s report from this one and opens it', async () => {
    const destination = workspaceUri('commands-2024.xxgk.yaml');
    const created = await run<vscode.Uri | undefined>('xxgk.newFromLastYear', report, 2024, destination);
    assert.equal(created?.fsPath, destination.fsPath);
    await waitFor('the new report in the editor', () => activeUri() === destination.toString());
    const text = vscode.window.activeTextEditor!.document.getText();
    assert.equal(keyLine(text, '年度'), '年度: 2024');
    assert.equal(keyLine(text, '机关'), '机关: 张营乡人民政府');
    assert.equal(readFileSync(destination.fsPath, 'utf8'), text);
  });

  it('xxgk.reviewFolder reviews a folder through the language server as `xxgk review` does, and opens its dashboard', async () => {
    const folder = workspaceUri(REVIEW_FOLDER);
    const result = await run<{ reports: ReviewedReport[] } | undefined>('xxgk.reviewFolder', folder);
    assert.ok(result, 'the command returned no review');
    assert.deepEqual(result.reports.map((r) => r.file), [...REVIEW_FILES].sort());
    const tab = await waitFor('the dashboard’s tab', () => webviewTabs('xxgk.review')[0]);
    assert.ok(tab.label.endsWith(REVIEW_FOLDER), `the dashboard’s tab is “${tab.label}”`);
    assert.equal(tab.isActive, true, 'the dashboard is not the active tab');
    // The findings are those of the CLI's review of the same folder.
    const cli = spawnSync(process.execPath, [join(extensionRoot(), 'server/out/cli.js'), 'review', folder.fsPath, '--format', 'json', '--quiet'],
      { encoding: 'utf8', cwd: folder.fsPath, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    assert.ok(cli.stdout, `xxgk review printed nothing (exit ${cli.status}): ${cli.stderr}`);
    const found = (reports: ReviewedReport[]) => reports.map((r) => `${r.file}: ${r.findings.map((f) => `${f.rule}@${f.line}`).join(' ')}`);
    assert.deepEqual(found(result.reports), found((JSON.parse(cli.stdout) as { reports: ReviewedReport[] }).reports));
    // Reviewed again: the same dashboard, not a second one.
    await run('xxgk.reviewFolder', folder);
    assert.equal(webviewTabs('xxgk.review').length, 1, 'a second review of the folder opened a second dashboard');
  });

  it('xxgk.restartServer starts a new language server that answers again', async () => {
    const old = await waitFor('a running language server', () => serverPids().length > 0 && serverPids());
    await run('xxgk.restartServer');
    await waitFor('a new language server in place of the old one', () => {
      const now = serverPids();
      return now.length > 0 && now.every((p) => !old.includes(p));
    });
    const doc = await vscode.workspace.openTextDocument(report);
    const line = doc.getText().split('\n').findIndex((l) => /^\s+本年新收:/.test(l));
    const total = new vscode.Position(line, doc.lineAt(line).text.lastIndexOf('0'));
    await waitFor('a hover from the restarted server', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', report, total);
      return hovers.length > 0;
    });
  });

  it('every contributed command was run above', () => {
    assert.deepEqual(contributedCommands().filter((c) => !exercised.has(c)), [], 'commands without a test here');
  });
});
