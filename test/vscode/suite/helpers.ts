/**
 * Shared by the files of the extension's API suite (they run inside VS Code's extension host, in order, in one
 * workbench): the workspace the driver prepared, waiting for conditions, and reading diagnostics.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { SEED } from '../workspace';

export { PUBLISHED_TXT, SEED } from '../workspace';

export const EXTENSION_ID = 'xxgk-report.xxgk-report';

/** Generous: the first start of the extension host and the language server can be slow on a busy machine. */
export const LONG = 60_000;

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs a workspace folder (test/vscode/run.ts opens one)');
  return folder.uri.fsPath;
}

export function workspaceUri(name: string): vscode.Uri {
  return vscode.Uri.file(join(workspaceDir(), name));
}

/** The extension under test; throws at once when VS Code did not load it (rather than every test timing out). */
export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded in this VS Code`);
  return ext;
}

export function extensionRoot(): string {
  return extension().extensionPath;
}

/** A fresh copy of the seed under `name`, so each file of the suite starts from the published text. */
export function seedCopy(name: string): vscode.Uri {
  const target = workspaceUri(name);
  copyFileSync(join(workspaceDir(), SEED), target.fsPath);
  return target;
}

/** Polls `probe` until it returns something truthy; the interval is a polling rate, never a stand-in for a condition. */
type Maybe<T> = T | undefined | null | false;

export async function waitFor<T>(what: string, probe: () => Maybe<T> | Promise<Maybe<T>>, timeoutMs = LONG): Promise<T> {
  const started = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() - started > timeoutMs) {
      const last = lastError ? ` (last error: ${String(lastError)})` : '';
      throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${last}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function openReport(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Diagnostics from our server (source xxgk) as `RULE@line` (1-based line, as `xxgk check` prints). */
export function diagnosticKeys(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'xxgk')
    .map((d) => `${codeOf(d)}@${d.range.start.line + 1}`);
}

export function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

export interface Finding { rule: string; line: number; column: number; severity: string }

/** What the CLI (`xxgk check --format json`) reports for a file on disk: the same core as the language server. */
export function cliFindings(file: string): Finding[] {
  const cli = join(extensionRoot(), 'server', 'out', 'cli.js');
  // In desktop VS Code process.execPath is Electron: ELECTRON_RUN_AS_NODE makes it a plain Node.
  const r = spawnSync(process.execPath, [cli, 'check', file, '--format', 'json'], {
    encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (r.error) throw r.error;
  if (!r.stdout) throw new Error(`xxgk check printed nothing (exit ${r.status}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as { files: Array<{ findings: Finding[] }> }).files.flatMap((f) => f.findings);
}

/** A round trip through the language server that ends with a diagnostics notification: opening a new document. */
export async function serverRoundTrip(): Promise<void> {
  const probe = await vscode.workspace.openTextDocument({ language: 'xxgk', content: `年度: 20\n# probe ${Date.now()}\n` });
  await waitFor('diagnostics of a probe document', () => vscode.languages.getDiagnostics(probe.uri).length > 0);
}
