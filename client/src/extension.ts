/**
 * The VS Code client: starts the language server, and registers the preview, the export and the commands.
 * Everything about reports is decided by the server; this side only moves text and HTML around.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { exportDocx, exportHtml } from './export';
import { importPublishedReport, newFromLastYear } from './newReport';
import { PreviewManager } from './previewPanel';
import { ReviewDashboards } from './review';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'xxgk', scheme: 'file' }, { language: 'xxgk', scheme: 'untitled' }],
    // Reports and xxgk.json files are watched by the server's own registration (workspace/didChangeWatchedFiles),
    // the same in every editor: no second watcher here.
    synchronize: { configurationSection: 'xxgk' },
    outputChannelName: vscode.l10n.t('Government Information Disclosure Report'),
  };
  client = new LanguageClient('xxgk', vscode.l10n.t('Government Information Disclosure Report'), serverOptions, clientOptions);
  await client.start();

  const previews = new PreviewManager(context, client);
  const reviews = new ReviewDashboards(context.extensionUri, client);
  context.subscriptions.push(
    previews,
    reviews,
    vscode.window.registerWebviewPanelSerializer(PreviewManager.viewType, previews),
    vscode.window.registerWebviewPanelSerializer(ReviewDashboards.viewType, reviews),
    vscode.commands.registerCommand('xxgk.showPreview', (uri?: vscode.Uri) => previews.show(uri, false)),
    vscode.commands.registerCommand('xxgk.showPreviewToSide', (uri?: vscode.Uri) => previews.show(uri, true)),
    vscode.commands.registerCommand('xxgk.showSource', () => previews.showSource()),
    vscode.commands.registerCommand('xxgk.exportHtml', (uri?: vscode.Uri, destination?: vscode.Uri) =>
      exportHtml(client!, asUri(uri) ?? previews.activeUri(), asUri(destination))),
    vscode.commands.registerCommand('xxgk.exportDocx', (uri?: vscode.Uri, destination?: vscode.Uri) =>
      exportDocx(client!, asUri(uri) ?? previews.activeUri(), asUri(destination))),
    // The explorer passes (clicked, allSelected): only Uri / number arguments count, anything else means “ask”.
    vscode.commands.registerCommand('xxgk.importReport', (uri?: unknown, destination?: unknown) =>
      importPublishedReport(client!, asUri(uri), asUri(destination))),
    vscode.commands.registerCommand('xxgk.newFromLastYear', (uri?: unknown, year?: unknown, destination?: unknown) =>
      newFromLastYear(client!, asUri(uri), asYear(year), asUri(destination))),
    // From the Explorer: (folder, allSelected); from the palette: nothing (a folder is asked for).
    vscode.commands.registerCommand('xxgk.reviewFolder', (folder?: unknown) => reviews.review(asUri(folder))),
    vscode.commands.registerCommand('xxgk.restartServer', async () => {
      await client?.restart();
      previews.refreshAll();
    }),
  );
}

function asUri(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}

function asYear(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999 ? value : undefined;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
