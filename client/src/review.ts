/**
 * “Review Reports in Folder…” (审核文件夹中的报告…): the language server reviews the folder as `xxgk review` does
 * (xxgk/review), with a cancellable progress notification fed by the server's work-done progress (count and
 * current file); the dashboard opens in a webview, one per folder, and a click on a finding of a `.xxgk.yaml`
 * report opens the report at its place. Messages from the webview carry indexes only, validated against the
 * result this side holds: the webview can never name a file or a position of its own.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { ImportRequest, ReviewFolderRequest, type ReviewFolderResult } from '../../server/src/protocol';
import { attr, dashboardForWebview } from './dashboardHtml';
import { webviewOptions } from './webviewOptions';

type ReviewResult = NonNullable<ReviewFolderResult['result']>;

/** A finding the webview asks to open: its report's and its own index in the result. */
function parseOpenFinding(
  data: unknown, result: ReviewResult, uris: string[],
): { report: number; finding: number } | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const m = data as Record<string, unknown>;
  if (m.type !== 'openFinding' || !Number.isInteger(m.report) || !Number.isInteger(m.finding)) return undefined;
  const report = m.report as number, finding = m.finding as number;
  const r = report >= 0 && report < result.reports.length ? result.reports[report] : undefined;
  if (!r || typeof uris[report] !== 'string') return undefined;
  return finding >= 0 && finding < r.findings.length ? { report, finding } : undefined;
}

class Dashboard {
  private result: ReviewResult | undefined;
  private uris: string[] = [];
  /** The imported text of a report, opened once per report as an untitled document and reused while open. */
  private readonly imported = new Map<number, vscode.TextDocument>();

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
  ) {
    panel.webview.onDidReceiveMessage((data) => void this.onMessage(data));
  }

  show(folder: vscode.Uri, answer: Required<Pick<ReviewFolderResult, 'html' | 'result' | 'uris'>>): void {
    this.result = answer.result;
    this.uris = answer.uris;
    const script = vscode.Uri.joinPath(this.extensionUri, 'media', 'review.js');
    this.panel.webview.html = dashboardForWebview(answer.html, {
      nonce: randomBytes(16).toString('base64'),
      script: this.panel.webview.asWebviewUri(script).toString(),
      openLabel: vscode.l10n.t('Click to open this place in the report'),
      openImportedLabel: vscode.l10n.t('Click to open this place in the text imported from this file'),
      folder: folder.toString(),
    });
    this.imported.clear();
  }

  /** While a restored dashboard's folder is reviewed again: one line, no script. */
  showReviewing(name: string): void {
    const text = attr(vscode.l10n.t('Reviewing the reports in {0}', name));
    this.panel.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8">`
      + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${text}…</p></body></html>`;
  }

  private async onMessage(data: unknown): Promise<void> {
    if (!this.result) return;
    const open = parseOpenFinding(data, this.result, this.uris);
    if (!open) return;
    const report = this.result.reports[open.report];
    const f = report.findings[open.finding];
    const doc = report.source === 'yaml'
      ? await vscode.workspace.openTextDocument(vscode.Uri.parse(this.uris[open.report]))
      : await this.importedText(open.report);
    if (!doc) return;
    // The file may have changed since the review: the place is kept within the text as it is now.
    const range = doc.validateRange(new vscode.Range(f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1));
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside });
    editor.selection = new vscode.Selection(range.end, range.start); // the cursor at the start of the place
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /**
   * A web page, Word file, PDF or text report as the review read it: the server imports the file again (the same
   * importer, so the finding's line and column are in this text) and it opens as a new, unsaved report.
   */
  private async importedText(report: number): Promise<vscode.TextDocument | undefined> {
    const open = this.imported.get(report);
    if (open && !open.isClosed) return open;
    const uri = vscode.Uri.parse(this.uris[report]);
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      const data = Buffer.from(bytes).toString('base64');
      const answer = await this.client.sendRequest(ImportRequest, { name: lastSegment(uri), data });
      if (!answer.yaml) throw new Error(answer.error ?? '');
      const doc = await vscode.workspace.openTextDocument({ language: 'xxgk', content: answer.yaml });
      this.imported.set(report, doc);
      return doc;
    } catch (e) {
      void vscode.window.showErrorMessage((e as Error).message || vscode.l10n.t('The file could not be imported.'));
      return undefined;
    }
  }
}

/** What a dashboard's webview keeps across a window reload (reviewScript.ts). */
interface DashboardState {
  folder?: unknown;
}

export class ReviewDashboards implements vscode.Disposable, vscode.WebviewPanelSerializer<DashboardState> {
  static readonly viewType = 'xxgk.review';
  private readonly dashboards = new Map<string, Dashboard>();

  constructor(private readonly extensionUri: vscode.Uri, private readonly client: LanguageClient) {}

  /**
   * A dashboard open when the window was reloaded: its folder is reviewed again (the files may have changed, and
   * a result of hundreds of reports is not kept in the webview's state). A folder that is gone closes it.
   */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: DashboardState | undefined): Promise<void> {
    const folder = typeof state?.folder === 'string' ? parseUri(state.folder) : undefined;
    const isFolder = folder && await vscode.workspace.fs.stat(folder).then(
      (s) => (s.type & vscode.FileType.Directory) !== 0, () => false);
    if (!folder || !isFolder) {
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(this.extensionUri);
    const dashboard = this.track(folder, panel);
    dashboard.showReviewing(lastSegment(folder));
    // Cancelled, failed (said in a message) or no report left: nothing to show.
    if (!(await this.review(folder))?.summary.files) panel.dispose();
  }

  /** Reviews a folder (asked for when not given) and shows its dashboard; returns the review's result. */
  async review(folder?: vscode.Uri): Promise<ReviewResult | undefined> {
    const target = folder ?? await pickFolder();
    if (!target) return undefined;
    const name = lastSegment(target);
    const answer = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reviewing the reports in {0}', name), cancellable: true },
      (progress, token) => this.request(target, progress, token),
    );
    if (!answer) return undefined;
    if (answer.error || !answer.html || !answer.result || !answer.uris) {
      void vscode.window.showErrorMessage(answer.error ?? vscode.l10n.t('The review failed.'));
      return undefined;
    }
    if (!answer.result.summary.files) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('No reports were found in {0} (.xxgk.yaml, web pages, text, Word or PDF files).', name));
      return answer.result;
    }
    this.dashboard(target, name).show(target, { html: answer.html, result: answer.result, uris: answer.uris });
    return answer.result;
  }

  /** xxgk/review with a work-done token: the server's progress goes to the notification, Cancel to the server. */
  private async request(
    folder: vscode.Uri,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
  ): Promise<ReviewFolderResult | undefined> {
    const workDoneToken = `xxgk-review-${randomUUID()}`;
    let done = 0;
    let firstStage = true;
    const listening = this.client.onProgress(WorkDoneProgress.type, workDoneToken, (p) => {
      if (p.kind === 'end') return;
      const percentage = p.percentage ?? 0;
      // Reading the files is the work; a later stage (cross-year checks) starts again from 0: the bar stays full.
      if (percentage < done) firstStage = false;
      progress.report({ message: p.message, increment: firstStage ? percentage - done : undefined });
      done = percentage;
    });
    try {
      return await this.client.sendRequest(ReviewFolderRequest, { uri: folder.toString(), workDoneToken }, token);
    } catch (e) {
      if (token.isCancellationRequested) {
        vscode.window.setStatusBarMessage(vscode.l10n.t('The review was cancelled.'), 5000);
        return undefined;
      }
      void vscode.window.showErrorMessage(vscode.l10n.t('The review failed: {0}', (e as Error).message));
      return undefined;
    } finally {
      listening.dispose();
    }
  }

  private dashboard(folder: vscode.Uri, name: string): Dashboard {
    const key = folder.toString();
    const title = vscode.l10n.t('Review: {0}', name);
    const existing = this.dashboards.get(key);
    if (existing) {
      existing.panel.title = title;
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(ReviewDashboards.viewType, title, vscode.ViewColumn.Active,
      webviewOptions(this.extensionUri));
    return this.track(folder, panel);
  }

  private track(folder: vscode.Uri, panel: vscode.WebviewPanel): Dashboard {
    const key = folder.toString();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'preview-icon.svg');
    const dashboard = new Dashboard(panel, this.extensionUri, this.client);
    this.dashboards.set(key, dashboard);
    panel.onDidDispose(() => { if (this.dashboards.get(key) === dashboard) this.dashboards.delete(key); });
    return dashboard;
  }

  dispose(): void {
    for (const d of [...this.dashboards.values()]) d.panel.dispose();
  }
}


/** A folder's or file's own name: the last segment of its path. */
function lastSegment(uri: vscode.Uri): string {
  return uri.path.split('/').filter(Boolean).pop() ?? uri.fsPath;
}


function parseUri(text: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true, canSelectFiles: false, canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    title: vscode.l10n.t('Review Reports in Folder'), openLabel: vscode.l10n.t('Review'),
  });
  return picked?.[0];
}
