import { chromium } from 'playwright-core';
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto('file:///tmp/review.html');
  const ids = process.argv.slice(2);
  for (const [i, sel] of ids.entries()) {
    await page.evaluate((sel) => document.querySelector(sel)!.scrollIntoView(), sel);
    await page.screenshot({ path: `/tmp/s${i}.png` });
  }
  await browser.close();
})();
