/**
 * The hostile pages in a real browser: Debian's Chromium, headless, driven by playwright-core. Loaded, they
 * must run no script (no dialog, no console message, no page error) and make no request (every request is
 * intercepted and recorded) — the exported file as written, the exported file with its CSP removed and the
 * preview HTML without any CSP (so escaping alone is what is tested), and a canary page with the payloads
 * unescaped, which must trip every detector (so a silent result means something).
 *
 * Run by `npm run test:hostile` (vitest.chromium.config.ts; CI runs it). It never skips: without Chromium it fails and says how to
 * install it. CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVIL, PAYLOADS, REPORT_CSS, hostilePages } from '../helpers/hostile';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The flags this machine needs: no sandbox as root, no background traffic to Google (the network is closed).
// playwright gives each launch a new empty profile directory.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH. This test does not skip.`);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
});

afterAll(async () => {
  await browser?.close();
});

interface Activity {
  requests: string[];
  navigations: string[];
  dialogs: string[];
  console: string[];
  errors: string[];
  scripts: number;
}

/** Loads `html` as a page of its own and records everything active that happens until the page has settled. */
async function load(html: string): Promise<Activity> {
  const context = await browser.newContext({ javaScriptEnabled: true, serviceWorkers: 'block' });
  const page: Page = await context.newPage();
  const seen: Activity = { requests: [], navigations: [], dialogs: [], console: [], errors: [], scripts: 0 };
  let served = false;
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === PAGE && !served) { served = true; return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }); }
    seen.requests.push(url);
    return route.abort();
  });
  page.on('dialog', (d) => { seen.dialogs.push(d.message()); void d.dismiss(); });
  page.on('console', (m) => seen.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('framenavigated', (f) => { if (f === page.mainFrame() && (f.url() !== PAGE || served)) seen.navigations.push(f.url()); });
  // A real navigation (not setContent), so meta refresh, <base> and CSP behave as in a saved file.
  await page.goto(PAGE, { waitUntil: 'load' });
  seen.navigations.length = 0; // the page itself
  // Settled: no request in flight, and two frames drawn after load (handlers of load/error events have run).
  // A page that navigates itself (meta refresh) destroys the context we ask in: ask again once it has loaded.
  for (let attempt = 0; ; attempt++) {
    try {
      await page.waitForLoadState('networkidle');
      // (A string: the project's TypeScript has no DOM types.)
      seen.scripts = await page.evaluate<number>('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(document.scripts.length))))');
      break;
    } catch (e) {
      if (attempt >= 3 || !/destroyed|navigat/i.test(String(e))) throw e;
      seen.navigations.push('(the page navigated while it was inspected)');
    }
  }
  await context.close();
  return seen;
}

const PAGE = 'http://xxgk.test/report.html';
const pages = hostilePages();
const withoutCsp = (html: string) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '');
const previewPage = (body: string) => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>${REPORT_CSS}</style></head><body>${body}</body></html>`;

describe('hostile content in headless Chromium', () => {
  it('the canary: the same payloads unescaped run script and make requests (the detectors work)', async () => {
    const unescaped = previewPage(PAYLOADS.map((p) => `<div title="${p}">${p}</div>`).join('\n'));
    const seen = await load(unescaped);
    expect(seen.dialogs.length).toBeGreaterThan(0);
    expect(seen.requests.some((u) => u.startsWith(EVIL))).toBe(true);
    expect(seen.scripts).toBeGreaterThan(0);
  });

  it.each([
    ['the exported file, as written', () => pages.exported],
    ['the exported file with its CSP removed (escaping alone)', () => withoutCsp(pages.exported)],
    ['the preview HTML with findings, in a page without CSP', () => previewPage(pages.preview)],
  ])('%s: runs no script and makes no request', async (_, html) => {
    const page = html();
    expect(page).toContain('张营乡乡'); // the hostile report, not an empty page
    const seen = await load(page);
    expect(seen).toEqual({ requests: [], navigations: [], dialogs: [], console: [], errors: [], scripts: 0 });
  });
});
