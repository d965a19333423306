/**
 * The live preview, shaped like VS Code's Markdown preview: one webview per report, updated as you type,
 * scroll-synced both ways, cells with failing checks marked (message on hover), a click reveals the source
 * line, restored after a reload. The HTML comes from the server; the webview is locked down: CSP
 * `default-src 'none'` with a nonce script, no remote content, resources only from media/, forms disabled,
 * and every message from the webview is validated before use.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PreviewRequest, type PreviewResult } from '../../server/src/protocol';
import { isReport, reportDocument } from './documents';
import { webviewOptions } from './webviewOptions';

interface PreviewState {
  uri: string;
  line?: number;
}

/** Messages the webview may send; anything else is dropped. */
type FromWebview = { type: 'revealLine'; line: number } | { type: 'openLine'; line: number } | { type: 'ready' };

function parseMessage(data: unknown, lineCount: number): FromWebview | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const m = data as Record<string, unknown>;
  if (m.type === 'ready') return { type: 'ready' };
  if ((m.type === 'revealLine' || m.type === 'openLine') && Number.isInteger(m.line) && (m.line as number) >= 0 && (m.line as number) < Math.max(lineCount, 1)) {
    return { type: m.type, line: m.line as number };
  }
  return undefined;
}

class ReportPreview {
  private lastResult: PreviewResult | undefined;
  private line = 0;
  /** Scrolls we caused ourselves are not echoed back (avoids editor ↔ preview feedback loops). */
  private suppressEditorScrollUntil = 0;
  private updateTimer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    private readonly client: LanguageClient,
    private readonly extensionUri: vscode.Uri,
    private readonly onDispose: () => void,
    line = 0,
  ) {
    this.line = line;
    panel.webview.options = webviewOptions(extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((data) => this.onMessage(data)),
      panel.onDidChangeViewState((e) => { if (e.webviewPanel.visible) this.renderShell(); }),
    );
    void this.update(true);
  }

  private onMessage(data: unknown): void {
    const msg = parseMessage(data, this.lastResult?.lineCount ?? 0);
    if (!msg) return;
    if (msg.type === 'ready') return;
    this.line = msg.line;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    if (msg.type === 'revealLine') {
      if (!editor || !vscode.workspace.getConfiguration('xxgk.preview').get<boolean>('scrollEditorWithPreview', true)) return;
      this.suppressEditorScrollUntil = Date.now() + 300;
      editor.revealRange(new vscode.Range(msg.line, 0, msg.line, 0), vscode.TextEditorRevealType.AtTop);
      return;
    }
    // openLine: a click on a cell or paragraph shows its source.
    void vscode.window.showTextDocument(this.uri, {
      viewColumn: editor?.viewColumn ?? vscode.ViewColumn.One,
      selection: new vscode.Range(msg.line, 0, msg.line, 0),
    }).then((ed) => {
      const text = ed.document.lineAt(msg.line).text;
      const start = text.length - text.trimStart().length;
      ed.selection = new vscode.Selection(msg.line, start, msg.line, text.length);
      ed.revealRange(ed.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    });
  }

  scheduleUpdate(): void {
    clearTimeout(this.updateTimer);
    this.updateTimer = setTimeout(() => void this.update(false), 100);
  }

  async update(initial: boolean): Promise<void> {
    let result: PreviewResult | null;
    try {
      result = await this.client.sendRequest(PreviewRequest, { uri: this.uri.toString() });
    } catch {
      return; // server restarting: the next change or visibility change renders again
    }
    if (!result) return;
    this.lastResult = result;
    this.panel.title = vscode.l10n.t('Preview {0}', result.title || this.uri.path.split('/').pop()!);
    if (initial || !this.panel.webview.html) this.renderShell();
    else void this.panel.webview.postMessage({ type: 'update', html: result.html });
  }

  /** (Re)creates the whole webview document: first render, and after the panel was hidden. */
  private renderShell(): void {
    const r = this.lastResult;
    if (!r) return;
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', name)).toString();
    const state: PreviewState = { uri: this.uri.toString(), line: this.line };
    webview.html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${webview.cspSource} data:; font-src ${webview.cspSource}; form-action 'none'; base-uri 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">${r.css}</style>
<link rel="stylesheet" href="${media('preview.css')}">
</head>
<body>
<div id="xxgk-root" data-state="${escapeAttr(JSON.stringify(state))}">${r.html}</div>
<script nonce="${nonce}" src="${media('preview.js')}"></script>
</body>
</html>`;
  }

  /** Editor scrolled: move the preview to the same source line. */
  syncFromEditor(line: number): void {
    if (Date.now() < this.suppressEditorScrollUntil) return;
    this.line = line;
    void this.panel.webview.postMessage({ type: 'scrollToLine', line });
  }

  dispose(): void {
    clearTimeout(this.updateTimer);
    this.disposables.forEach((d) => d.dispose());
    this.onDispose();
  }
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export class PreviewManager implements vscode.WebviewPanelSerializer<PreviewState>, vscode.Disposable {
  static readonly viewType = 'xxgk.preview';
  private readonly previews = new Map<string, ReportPreview>();
  private readonly disposables: vscode.Disposable[] = [];
  private active: ReportPreview | undefined;

  constructor(private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.previews.get(e.document.uri.toString())?.scheduleUpdate()),
      vscode.workspace.onDidSaveTextDocument((d) => this.previews.get(d.uri.toString())?.scheduleUpdate()),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (!vscode.workspace.getConfiguration('xxgk.preview').get<boolean>('scrollPreviewWithEditor', true)) return;
        const preview = this.previews.get(e.textEditor.document.uri.toString());
        if (preview && e.visibleRanges.length) preview.syncFromEditor(e.visibleRanges[0].start.line);
      }),
    );
  }

  async show(uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const doc = await reportDocument(uri);
    if (!doc || !isReport(doc)) return;
    const key = doc.uri.toString();
    const existing = this.previews.get(key);
    const column = toSide
      ? vscode.ViewColumn.Beside
      : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One);
    if (existing) {
      existing.panel.reveal(column, toSide);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PreviewManager.viewType, vscode.l10n.t('Preview {0}', doc.uri.path.split('/').pop()!),
      { viewColumn: column, preserveFocus: toSide }, webviewOptions(this.context.extensionUri));
    this.track(panel, doc.uri, 0);
  }

  private track(panel: vscode.WebviewPanel, uri: vscode.Uri, line: number): void {
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'preview-icon.svg');
    const key = uri.toString();
    const preview = new ReportPreview(panel, uri, this.client, this.context.extensionUri, () => {
      this.previews.delete(key);
      if (this.active === preview) this.active = undefined;
    }, line);
    // Disposed with the panel.
    panel.onDidChangeViewState((e) => { if (e.webviewPanel.active) this.active = preview; });
    this.active = preview;
    this.previews.set(key, preview);
  }

  /** Restores a preview after a reload (the webview saved its document and line in its state). */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
    if (!state || typeof state.uri !== 'string') { panel.dispose(); return; }
    const uri = vscode.Uri.parse(state.uri);
    try {
      await vscode.workspace.openTextDocument(uri);
    } catch {
      panel.dispose();
      return;
    }
    this.track(panel, uri, Number.isInteger(state.line) ? state.line! : 0);
  }

  activeUri(): vscode.Uri | undefined {
    return this.active?.panel.active ? this.active.uri : undefined;
  }

  async showSource(): Promise<void> {
    if (this.active) await vscode.window.showTextDocument(this.active.uri, { viewColumn: vscode.ViewColumn.One });
  }

  refreshAll(): void {
    for (const p of this.previews.values()) p.scheduleUpdate();
  }

  dispose(): void {
    for (const p of [...this.previews.values()]) p.panel.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
