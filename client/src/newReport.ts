/**
 * “Import published report…” and “New report from last year…”: the server produces the text; this side asks
 * where to put it, never replaces an existing file, writes it and opens it, and shows what the server said
 * (the import summary, the rollover notes).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ImportRequest, ReportInfoRequest, RolloverRequest } from '../../server/src/protocol';
import { reportDocument } from './documents';

let output: vscode.OutputChannel | undefined;

function log(title: string, lines: string[]): void {
  output ??= vscode.window.createOutputChannel(vscode.l10n.t('Disclosure Report: Import and Rollover'));
  output.appendLine(`# ${title}`);
  for (const l of lines) output.appendLine(l);
  output.appendLine('');
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Asks for a new file until the user picks one that does not exist yet (or cancels). */
async function askNewFile(defaultUri: vscode.Uri, title: string): Promise<vscode.Uri | undefined> {
  let suggestion = defaultUri;
  for (;;) {
    const target = await vscode.window.showSaveDialog({
      defaultUri: suggestion, title, saveLabel: vscode.l10n.t('Create'),
      filters: { [vscode.l10n.t('Disclosure annual report')]: ['xxgk.yaml'] },
    });
    if (!target) return undefined;
    const named = /\.xxgk\.yaml$/i.test(target.path) ? target : target.with({ path: target.path.replace(/(\.ya?ml)?$/i, '.xxgk.yaml') });
    if (!(await exists(named))) return named;
    await vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists. A new report never replaces an existing one: choose another name.',
      vscode.workspace.asRelativePath(named)), { modal: true });
    suggestion = named;
  }
}

async function writeNew(target: vscode.Uri, text: string): Promise<void> {
  // Checked again just before writing: the file must still not exist.
  if (await exists(target)) throw new Error(vscode.l10n.t('{0} already exists.', vscode.workspace.asRelativePath(target)));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(target);
}

/**
 * A destination given with the command (keybindings, tasks, tests) skips the save dialog; it must not exist yet:
 * a new report never replaces a file.
 */
async function givenNewFile(destination: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (!(await exists(destination))) return destination;
  void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists. A new report never replaces an existing one: choose another name.',
    vscode.workspace.asRelativePath(destination)));
  return undefined;
}

export async function importPublishedReport(
  client: LanguageClient, source?: vscode.Uri, destination?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const picked = source ? [source] : await vscode.window.showOpenDialog({
    canSelectMany: false, title: vscode.l10n.t('Import Published Report'), openLabel: vscode.l10n.t('Import'),
    filters: { [vscode.l10n.t('Published report')]: ['txt', 'html', 'htm', 'docx', 'pdf'] },
  });
  if (!picked?.length) return undefined;
  const src = picked[0];
  const bytes = await vscode.workspace.fs.readFile(src);
  const name = path.posix.basename(src.path);
  const result = await client.sendRequest(ImportRequest, { name, data: Buffer.from(bytes).toString('base64') });
  if (!result.yaml) {
    void vscode.window.showErrorMessage(result.error ?? vscode.l10n.t('The file could not be imported.'));
    return undefined;
  }
  const base = name.replace(/\.[^.]+$/, '');
  const target = destination ? await givenNewFile(destination)
    : await askNewFile(vscode.Uri.joinPath(src, '..', `${base}.xxgk.yaml`), vscode.l10n.t('Save Imported Report'));
  if (!target) return undefined;
  await writeNew(target, result.yaml);
  log(vscode.l10n.t('Imported {0}', name), (result.summary ?? '').split('\n'));
  const show = vscode.l10n.t('Show Summary');
  void vscode.window.showInformationMessage(vscode.l10n.t('Imported {0}. Check the summary: whatever could not be mapped is kept under “未识别内容”.', name), show)
    .then((c) => { if (c === show) output?.show(true); });
  return target;
}

/** `year` and `destination` given with the command skip the input box and the save dialog. */
export async function newFromLastYear(
  client: LanguageClient, uri?: vscode.Uri, givenYear?: number, destination?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const doc = await reportDocument(uri);
  if (!doc) return undefined;
  // The server reads the year as the checker does (年度 or 报告年度); the client parses no report.
  const lastYear = (await client.sendRequest(ReportInfoRequest, { uri: doc.uri.toString() }))?.year;
  const input = givenYear !== undefined ? String(givenYear) : await vscode.window.showInputBox({
    title: vscode.l10n.t('New Report from Last Year'), prompt: vscode.l10n.t('Year of the new report'),
    value: lastYear !== undefined ? String(lastYear + 1) : '',
    validateInput: (v) => (/^\d{4}$/.test(v.trim()) ? undefined : vscode.l10n.t('A four-digit year, e.g. 2025')),
  });
  if (!input) return undefined;
  const year = Number(input.trim());
  const base = path.posix.basename(doc.uri.path).replace(/\.xxgk\.ya?ml$/i, '');
  const name = lastYear !== undefined && base.includes(String(lastYear)) ? base.replace(String(lastYear), String(year)) : `${base}-${year}`;
  const target = destination ? await givenNewFile(destination)
    : await askNewFile(vscode.Uri.joinPath(doc.uri, '..', `${name}.xxgk.yaml`), vscode.l10n.t('Save New Report'));
  if (!target) return undefined;
  const previousPath = path.posix.relative(path.posix.dirname(target.path), doc.uri.path);
  const result = await client.sendRequest(RolloverRequest, { uri: doc.uri.toString(), year, previousPath });
  if (!result.yaml) {
    void vscode.window.showErrorMessage(result.error ?? vscode.l10n.t('The new report could not be made.'));
    return undefined;
  }
  await writeNew(target, result.yaml);
  log(vscode.l10n.t('New report {0}', path.posix.basename(target.path)), result.notes ?? []);
  const show = vscode.l10n.t('Show Notes');
  void vscode.window.showInformationMessage(vscode.l10n.t('Created the {0} report from last year: carried figures are filled in, the rest is zero or a prompt.', year), show)
    .then((c) => { if (c === show) output?.show(true); });
  return target;
}
