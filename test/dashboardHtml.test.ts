/**
 * The review dashboard as the editor's webview shows it (client/src/dashboardHtml.ts), parsed with parse5: the
 * webview's CSP is the only one and comes first, every style and the one script carry the nonce, nothing else can
 * run or load, and the dashboard's content is what the server rendered.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { dashboardForWebview } from '../client/src/dashboardHtml';
import { renderDashboard } from '../server/src/review/dashboard';
import { runReview } from '../server/src/review/review';
import { ROOT, TODAY } from './helpers/samples';

type Node = DefaultTreeAdapterMap['element'];
const NONCE = 'bm9uY2Ujbm9uY2U+bm9uY2U=';
const SCRIPT = 'https://file+.vscode-resource.vscode-cdn.net/ext/media/review.js';
const FOLDER = 'file:///home/clerk/%E6%94%B6%E5%88%B0%E7%9A%84%E6%8A%A5%E5%91%8A/"><b>x</b>';
let original: string;
let html: string;

function elements(node: { childNodes?: unknown[] }, out: Node[] = []): Node[] {
  for (const child of (node.childNodes ?? []) as Node[]) {
    if (child.tagName) out.push(child);
    elements((child.tagName === 'template' ? (child as unknown as { content: Node }).content : child), out);
  }
  return out;
}
const attr = (n: Node, name: string) => n.attrs.find((a) => a.name === name)?.value;
const bodyOf = (doc: string) => doc.slice(doc.indexOf('<body>'), doc.lastIndexOf('</body>'));

beforeAll(async () => {
  const { result } = await runReview({ inputs: ['samples'], cwd: ROOT, today: TODAY, jobs: 1, render: true });
  original = renderDashboard(result);
  html = dashboardForWebview(original, { nonce: NONCE, script: SCRIPT, openLabel: '单击"><script>alert(1)</script>', openImportedLabel: '导入', folder: FOLDER });
}, 60_000);

describe('the dashboard in the webview', () => {
  it('has one CSP, the webview’s, before anything it governs', () => {
    const all = elements(parse(html));
    const csp = all.filter((n) => n.tagName === 'meta' && /content-security-policy/i.test(attr(n, 'http-equiv') ?? ''));
    expect(csp.map((n) => attr(n, 'content'))).toEqual([
      `default-src 'none'; style-src 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'; form-action 'none'; base-uri 'none'`,
    ]);
    const first = all.findIndex((n) => ['style', 'script', 'link', 'svg', 'img'].includes(n.tagName));
    expect(all.indexOf(csp[0])).toBeLessThan(first);
  });

  it('runs only its own script, with the nonce; every style has the nonce; nothing loads or runs otherwise', () => {
    const all = elements(parse(html));
    const scripts = all.filter((n) => n.tagName === 'script');
    expect(scripts.map((n) => [attr(n, 'nonce'), attr(n, 'src'), n.childNodes.length])).toEqual([[NONCE, SCRIPT, 0]]);
    expect(attr(scripts[0], 'data-open-label')).toBe('单击"><script>alert(1)</script>');
    expect(attr(scripts[0], 'data-folder')).toBe(FOLDER); // kept for a window reload (escaped like the label)
    const styles = all.filter((n) => n.tagName === 'style');
    expect(styles.length).toBeGreaterThanOrEqual(2);
    expect(styles.every((n) => attr(n, 'nonce') === NONCE)).toBe(true);
    for (const n of all) {
      expect(n.attrs.filter((a) => /^on/i.test(a.name)).map((a) => a.name), n.tagName).toEqual([]);
      for (const a of n.attrs.filter((x) => ['src', 'href', 'action', 'xlink:href'].includes(x.name))) {
        if (n.tagName === 'script') continue;
        expect(a.value, `${n.tagName} ${a.name}`).toMatch(/^#/);
      }
      expect(['iframe', 'object', 'embed', 'link', 'base', 'form', 'img'], n.tagName).not.toContain(n.tagName);
    }
  });

  it('shows the dashboard as the server rendered it', () => {
    expect(bodyOf(html).startsWith(bodyOf(original))).toBe(true);
    expect(bodyOf(html).slice(bodyOf(original).length).trim()).toMatch(/^<script [^>]*><\/script>$/);
    expect(html).toContain('data-report="0"');
  });

  it('refuses what is not a whole document', () => {
    expect(() => dashboardForWebview('<p>x</p>', { nonce: NONCE, script: SCRIPT, openLabel: '', openImportedLabel: '', folder: FOLDER })).toThrow();
  });
});
