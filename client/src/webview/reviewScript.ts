/**
 * Runs inside the review dashboard's webview (bundled to media/review.js); the dashboard itself has no script.
 * A click (or Enter) on a finding asks the extension to open it (a `.xxgk.yaml` report itself, an imported one in
 * the text the import makes of it): the message carries only the indexes the page was drawn with (data-report,
 * data-finding), the extension looks the file and the position up in the result it holds. It also switches the
 * body list's views (which use :target in a browser: the webview scrolls to a fragment without making it the
 * target), and keeps the scroll position while hidden and the reviewed folder for a window reload.
 */
interface VsCodeApi {
  postMessage(msg: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const data = (document.currentScript as HTMLScriptElement | null)?.dataset ?? {};

for (const row of Array.from(document.querySelectorAll<HTMLElement>('section[data-report] tr[data-finding]'))) {
  row.tabIndex = 0;
  row.setAttribute('role', 'link');
  const yaml = row.closest<HTMLElement>('section[data-report]')?.dataset.source === 'yaml';
  const label = yaml ? data.openLabel : data.openImportedLabel;
  if (label) row.title = label;
}

function openFinding(target: EventTarget | null): boolean {
  const row = target instanceof Element ? target.closest<HTMLElement>('tr[data-finding]') : null;
  const section = row?.closest<HTMLElement>('section[data-report]');
  if (!row || !section) return false;
  // The row stays marked: the reviewer sees where they came from when they return to the dashboard.
  for (const other of Array.from(document.querySelectorAll('tr.opened'))) other.classList.remove('opened');
  row.classList.add('opened');
  vscode.postMessage({ type: 'openFinding', report: Number(section.dataset.report), finding: Number(row.dataset.finding) });
  return true;
}

function switchView(target: EventTarget | null): void {
  const link = target instanceof Element ? target.closest<HTMLAnchorElement>('.tabs a[href^="#"]') : null;
  const view = link ? document.getElementById(link.getAttribute('href')!.slice(1)) : null;
  const views = view?.parentElement;
  if (!view || !views?.classList.contains('views')) return;
  views.classList.add('picked');
  for (const v of Array.from(views.children)) v.classList.toggle('shown', v === view);
}

document.addEventListener('click', (event) => {
  if (!openFinding(event.target)) switchView(event.target);
});
document.addEventListener('keydown', (event) => {
  if ((event.key === 'Enter' || event.key === ' ') && openFinding(event.target)) event.preventDefault();
});

// The state outlives a window reload: the extension reviews the folder again and draws the dashboard anew.
const folder = data.folder ?? '';
const saved = vscode.getState() as { scrollY?: number } | undefined;
if (typeof saved?.scrollY === 'number') window.scrollTo(0, saved.scrollY);
vscode.setState({ folder, scrollY: window.scrollY });
let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  if (scrollTimer !== undefined) return;
  scrollTimer = window.setTimeout(() => {
    scrollTimer = undefined;
    vscode.setState({ folder, scrollY: window.scrollY });
  }, 100);
});

// A module (its names stay its own beside previewScript.ts); bundled as an IIFE.
export {};
