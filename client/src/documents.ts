/** Which report a command is about: the one given, or the active editor's. */
import * as vscode from 'vscode';

export const LANGUAGE_ID = 'xxgk';

export function isReport(doc: vscode.TextDocument): boolean {
  return doc.languageId === LANGUAGE_ID;
}

export async function reportDocument(uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(uri);
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && isReport(doc)) return doc;
  void vscode.window.showWarningMessage(vscode.l10n.t('Open a report (*.xxgk.yaml) first.'));
  return undefined;
}
