/**
 * Runs inside the preview webview (bundled to media/preview.js). It only moves the view: replaces the report
 * HTML it is sent, scrolls to source lines, and reports scrolls and clicks back as line numbers.
 * It never evaluates report content; the CSP forbids any other script.
 */
interface VsCodeApi {
  postMessage(msg: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface State {
  uri: string;
  line?: number;
}

const vscode = acquireVsCodeApi();
const root = document.getElementById('xxgk-root')!;
const initial = JSON.parse(root.dataset.state ?? '{}') as State;
let state: State = { ...initial, ...((vscode.getState() as State | undefined) ?? {}) };
if (initial.uri) state.uri = initial.uri;
vscode.setState(state);

/** Elements that carry a source line, in document order. */
function anchors(): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-line]')).filter((e) => !e.matches('td'));
}

function lineOf(el: Element): number {
  return Number((el as HTMLElement).dataset.line);
}

let ignoreScrollUntil = 0;

function scrollToLine(line: number): void {
  const list = anchors();
  if (!list.length) return;
  let before = list[0];
  let after: HTMLElement | undefined;
  for (const el of list) {
    if (lineOf(el) <= line) before = el;
    else { after = el; break; }
  }
  const top = before.getBoundingClientRect().top + window.scrollY;
  let y = top;
  if (after && lineOf(after) > lineOf(before)) {
    // Between two anchors: interpolate, so scrolling through a long prose block moves smoothly.
    const next = after.getBoundingClientRect().top + window.scrollY;
    y = top + (next - top) * Math.min(1, Math.max(0, (line - lineOf(before)) / (lineOf(after) - lineOf(before))));
  }
  ignoreScrollUntil = Date.now() + 100;
  window.scrollTo(0, Math.max(0, y - 8));
}

function topLine(): number | undefined {
  const list = anchors();
  let best: HTMLElement | undefined;
  for (const el of list) {
    if (el.getBoundingClientRect().bottom > 0) { best = el; break; }
  }
  return best ? lineOf(best) : undefined;
}

window.addEventListener('message', (event: MessageEvent) => {
  const msg = event.data as { type?: string; html?: unknown; line?: unknown };
  if (msg?.type === 'update' && typeof msg.html === 'string') {
    const y = window.scrollY;
    root.innerHTML = msg.html;
    window.scrollTo(0, y);
  } else if (msg?.type === 'scrollToLine' && typeof msg.line === 'number') {
    scrollToLine(msg.line);
  }
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  if (scrollTimer !== undefined) return;
  scrollTimer = window.setTimeout(() => {
    scrollTimer = undefined;
    const line = topLine();
    if (line === undefined) return;
    state = { ...state, line };
    vscode.setState(state);
    if (Date.now() > ignoreScrollUntil) vscode.postMessage({ type: 'revealLine', line });
  }, 50);
});

root.addEventListener('click', (event) => {
  const target = (event.target as Element).closest('[data-line]');
  if (target) vscode.postMessage({ type: 'openLine', line: lineOf(target) });
});

if (typeof state.line === 'number' && state.line > 0) scrollToLine(state.line);
vscode.postMessage({ type: 'ready' });
