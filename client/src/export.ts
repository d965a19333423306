/**
 * Export HTML…: the standalone, print-ready file the server renders (identical to `xxgk render`).
 * Defaults next to the report, never overwrites without asking, writes atomically, offers to open the result.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportRequest } from '../../server/src/protocol';
import { reportDocument } from './documents';

/**
 * `destination` skips the save dialog (for keybindings, tasks and tests); an existing file is still only
 * replaced after the user agrees.
 */
export async function exportHtml(client: LanguageClient, uri?: vscode.Uri, destination?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const doc = await reportDocument(uri);
  if (!doc) return undefined;
  const result = await client.sendRequest(ExportRequest, { uri: doc.uri.toString() });
  if (!result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The report could not be rendered.'));
    return undefined;
  }
  const base = doc.uri.path.replace(/\.xxgk\.ya?ml$/i, '').replace(/\.ya?ml$/i, '');
  const defaultUri = doc.isUntitled ? undefined : doc.uri.with({ path: `${base}.html` });
  const target = destination ?? await vscode.window.showSaveDialog({
    defaultUri, filters: { HTML: ['html', 'htm'] }, saveLabel: vscode.l10n.t('Export'), title: vscode.l10n.t('Export HTML'),
  });
  if (!target) return undefined;
  if (await exists(target)) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already exists. Replace it?', vscode.workspace.asRelativePath(target)), { modal: true }, replace);
    if (answer !== replace) return undefined;
  }
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
