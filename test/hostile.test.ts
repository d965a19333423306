/**
 * Hostile content: payloads in every text field; the exported HTML and the preview HTML, parsed by a real
 * HTML parser (parse5, the WHATWG algorithm browsers use), contain no active content and show the user's
 * text as text. The same pages are loaded in headless Chromium by `npm run test:hostile`.
 */
import { describe, expect, it } from 'vitest';
import { BIDI_CONTROLS, PAYLOADS, REPORT_CSS, hostilePages, inspectHtml } from './helpers/hostile';

const pages = hostilePages();

describe('hostile content', () => {
  it('reaches every kind of field and the findings quote it', () => {
    expect(pages.report.length).toBeGreaterThan(30_000);
    expect(pages.findingsQuotingPayloads).toBeGreaterThan(20);
  });

  it('the inspector finds active content when it is there (so its silence means something)', () => {
    // One page per payload: an unescaped </style> or <style> would otherwise swallow the payloads after it.
    const problems = PAYLOADS.flatMap((p) => inspectHtml(`<!DOCTYPE html><html><head></head><body><p title="${p}">${p}</p></body></html>`, 'document').problems);
    for (const kind of ['element <script>', 'event handler onerror', 'element <iframe>', 'element <a>', 'URL/style attribute href', '<meta http-equiv="refresh">', 'element <base>', 'a bidi control']) {
      expect(problems.some((p) => p.startsWith(kind)), kind).toBe(true);
    }
  });

  describe.each([
    ['the exported file (renderDocument)', 'exported', 'document'],
    ['the preview (renderBody with findings)', 'preview', 'fragment'],
  ] as const)('%s', (_, page, kind) => {
    const html = pages[page];
    const seen = inspectHtml(html, kind);

    it('has no script, no event handler, no URL, no foreign element, no bidi control', () => {
      expect(seen.problems).toEqual([]);
      expect(html).not.toMatch(/<(script|img|iframe|svg|a|link|base|meta http-equiv="refresh")\b/i);
      expect(BIDI_CONTROLS.test(html)).toBe(false);
    });

    it('shows every payload as text, exactly as written (nothing lost, bidi controls made visible)', () => {
      for (const p of PAYLOADS) {
        const shown = p.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase()}>`);
        expect(seen.text.includes(shown), `payload ${JSON.stringify(p.slice(0, 40))}`).toBe(true);
      }
    });

    if (page === 'exported') {
      it('keeps its one stylesheet unchanged and its CSP', () => {
        expect(seen.styles).toEqual([REPORT_CSS]);
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
      });
    } else {
      it('has no stylesheet of its own, and its tooltips quote the user text verbatim', () => {
        expect(seen.styles).toEqual([]);
        // The messages quote the cell as written in the YAML source (quotes escaped).
        expect(seen.titles.some((t) => t.includes('<script>alert(\\"xss-script\\")</script>'))).toBe(true);
        expect(seen.titles.some((t) => t.includes('><img src=x onerror=alert(\\"xss-img\\")>'))).toBe(true);
        expect(seen.titles.some((t) => t.includes('<U+202E>反转'))).toBe(true);
      });
    }
  });
});
