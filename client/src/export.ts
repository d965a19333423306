/**
 * Export HTML… and Export Word…: the standalone, print-ready HTML file and the .docx the server makes
 * (identical to `xxgk render`). Defaults next to the report, never overwrites without asking, writes
 * atomically, offers to open the result.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportDocxRequest, ExportRequest } from '../../server/src/protocol';
import { reportDocument } from './documents';

/**
 * `destination` skips the save dialog (for keybindings, tasks and tests); an existing file is still only
 * replaced after the user agrees.
 */
export async function exportHtml(
  client: LanguageClient, uri?: vscode.Uri, destination?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const doc = await reportDocument(uri);
  if (!doc) return undefined;
  const result = await client.sendRequest(ExportRequest, { uri: doc.uri.toString() });
  if (!result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The report could not be rendered.'));
    return undefined;
  }
  const target = await chooseTarget(doc, destination, { extension: 'html', filters: { HTML: ['html', 'htm'] }, title: vscode.l10n.t('Export HTML') });
  if (!target) return undefined;
  await writeAtomically(target, new TextEncoder().encode(result.html));
  const openInBrowser = vscode.l10n.t('Open in Browser');
  const openHere = vscode.l10n.t('Open in Editor');
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}', vscode.workspace.asRelativePath(target)), openInBrowser, openHere)
    .then((choice) => {
      if (choice === openInBrowser) void vscode.env.openExternal(target);
      else if (choice === openHere) void vscode.window.showTextDocument(target);
    });
  return target;
}

/**
 * Export Word…: the .docx in the 公文 layout the server makes (identical to `xxgk render -o x.docx`). A report
 * with errors is exported and the user told how many remain; one with a YAML syntax error is not exported.
 */
export async function exportDocx(
  client: LanguageClient, uri?: vscode.Uri, destination?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const doc = await reportDocument(uri);
  if (!doc) return undefined;
  const result = await client.sendRequest(ExportDocxRequest, { uri: doc.uri.toString() });
  if (!result?.data) {
    void vscode.window.showErrorMessage(result?.error ?? vscode.l10n.t('The report could not be exported as a Word file.'));
    return undefined;
  }
  const target = await chooseTarget(doc, destination, { extension: 'docx', filters: { [vscode.l10n.t('Word document')]: ['docx'] }, title: vscode.l10n.t('Export Word') });
  if (!target) return undefined;
  await writeAtomically(target, Buffer.from(result.data, 'base64'));
  const name = vscode.workspace.asRelativePath(target);
  const message = result.errors
    ? vscode.l10n.t('Exported {0}. The report still has {1} error(s): see the Problems panel.', name, result.errors)
    : vscode.l10n.t('Exported {0}', name);
  const open = vscode.l10n.t('Open');
  const shown = result.errors
    ? vscode.window.showWarningMessage(message, open)
    : vscode.window.showInformationMessage(message, open);
  void shown.then((choice) => { if (choice === open) void vscode.env.openExternal(target); });
  return target;
}

/** Where to write: the given destination or the save dialog (default beside the report); asks before replacing. */
async function chooseTarget(doc: vscode.TextDocument, destination: vscode.Uri | undefined,
  kind: { extension: string; filters: Record<string, string[]>; title: string }): Promise<vscode.Uri | undefined> {
  const base = doc.uri.path.replace(/\.xxgk\.ya?ml$/i, '').replace(/\.ya?ml$/i, '');
  const defaultUri = doc.isUntitled ? undefined : doc.uri.with({ path: `${base}.${kind.extension}` });
  const target = destination ?? await vscode.window.showSaveDialog({
    defaultUri, filters: kind.filters, saveLabel: vscode.l10n.t('Export'), title: kind.title,
  });
  if (!target) return undefined;
  if (await exists(target)) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already exists. Replace it?', vscode.workspace.asRelativePath(target)), { modal: true }, replace);
    if (answer !== replace) return undefined;
  }
  return target;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A temporary file beside the target, renamed over it: a failed write never leaves half a file behind. */
async function writeAtomically(target: vscode.Uri, content: Uint8Array): Promise<void> {
  const dir = vscode.Uri.joinPath(target, '..');
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const tmp = vscode.Uri.joinPath(dir, `.${name}.${Date.now()}.tmp`);
  await vscode.workspace.fs.writeFile(tmp, content);
  try {
    await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
  } catch (e) {
    await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
    throw e;
  }
}
