import * as vscode from 'vscode';

/**
 * The options of every webview the extension opens (the preview, the review dashboard): scripts only for the
 * extension's own media/ script (the CSP adds a nonce), no forms, no command links, resources from media/ only.
 */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}
