// Screenshots of the `xxgk review` dashboard for docs/images (npm run screenshot:review): the test folder of
// 61 reports in every form (test/helpers/reviewFolder.ts), reviewed by the bundled CLI, opened in headless Chromium.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { makeReviewFolder } from '../test/helpers/reviewFolder';

const ROOT = join(__dirname, '..');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

(async () => {
  const work = mkdtempSync(join(tmpdir(), 'xxgk-review-shot-'));
  try {
    const folder = await makeReviewFolder(join(work, '收到的报告'));
    const out = join(work, '审核结果.html');
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'server', 'out', 'cli.js'), 'review', '.', '-o', out, '--quiet'],
      { cwd: folder.dir, encoding: 'utf8' },
    );
    if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(out).href);
    const shots: [string, string, number][] = [
      ['body', 'review-dashboard.png', 900],
      ['#totals-2024', 'review-totals.png', 1000],
      ['#charts', 'review-charts.png', 900],
    ];
    for (const [selector, file, height] of shots) {
      await page.setViewportSize({ width: 1280, height });
      await page.$eval(selector, (el: { scrollIntoView(): void }) => el.scrollIntoView());
      await page.screenshot({ path: join(ROOT, 'docs', 'images', file) });
      console.log(`docs/images/${file}`);
    }
    await browser.close();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
