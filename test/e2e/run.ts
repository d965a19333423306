/**
 * End-to-end suite: the packaged .vsix in a real VS Code (code-server 4.100.3 in Debian's Chromium, driven by
 * playwright-core), doing what a clerk does with the seed report: see the problems and squiggles, hover a total,
 * complete a missing table, apply quick fixes, preview beside the editor, export HTML and Word, and review a folder.
 *   npm run test:e2e           (packages the .vsix first; installs code-server into ~/.cache/xxgk-e2e once)
 * Env: XXGK_E2E_VSIX (default <name>-<version>.vsix), XXGK_E2E_LOCALE (default zh-cn), XXGK_E2E_HEADED=1.
 * Prints PASS/FAIL per step; screenshots go to .test-artifacts/e2e/ (also on failure, with the server logs).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { corpusBodies, corpusReport } from '../../bench/reviewCorpus';
import { publishedText } from '../helpers/published';
import { ensureCodeServer, declareDisplayLanguage, installVsix, startCodeServer, stopAll, type CodeServer } from './codeServer';
import { LONG, SHORT, Workbench } from './workbench';

const repo = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { name: string; version: string };
const vsix = resolve(process.env.XXGK_E2E_VSIX ?? join(repo, `${pkg.name}-${pkg.version}.vsix`));
const locale = process.env.XXGK_E2E_LOCALE ?? 'zh-cn';
const artifacts = join(repo, '.test-artifacts/e2e');
const REPORT = 'seed-zhangying-2023.xxgk.yaml';
/**
 * A report that names its year with the alias 报告年度 (another body, so it is nobody's “last year”). Complete, so
 * its one problem (LABEL-NORMALISE, info) is in the Problems panel from the start (workspace diagnostics) without
 * matching what the steps look for in the seed's problems.
 */
const ALIAS_REPORT = 'alias-2022.xxgk.yaml';

function aliasReport(): string {
  const clean = readFileSync(join(repo, 'samples', 'clean-zhangying-2024.xxgk.yaml'), 'utf8');
  return clean.replace(/张营乡/g, '示例镇').replace(/^年度: 2024$/m, '报告年度: 2022').replace('2025-01-20', '2023-01-20')
    .replace(/2024年/g, '2022年');
}

/** A folder of reports a disclosure office received, written by the review step (the earlier steps never see it). */
const REVIEW_DIR = '各单位报告';
const REVIEW_FILES: Array<[string, string]> = [
  ['county-dept-2023.xxgk.yaml', 'samples/county-dept-2023.xxgk.yaml'],
  ['county-dept-2024-mistakes.xxgk.yaml', 'samples/county-dept-2024-mistakes.xxgk.yaml'],
  ['乡镇/clean-zhangying-2024.xxgk.yaml', 'samples/clean-zhangying-2024.xxgk.yaml'],
  ['乡镇/张营乡2023年报告（网页复制）.txt', 'test/fixtures/seed-zhangying-2023.txt'],
];

function writeReviewFolder(workspace: string): string {
  const dir = join(workspace, REVIEW_DIR);
  for (const [file, source] of REVIEW_FILES) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    cpSync(join(repo, source), join(dir, file));
  }
  return dir;
}

/** A province's worth of published texts (the workspace diagnostics leave .txt alone): seconds of review to cancel. */
const BIG_REVIEW_DIR = '全省报告';
const BIG_REVIEW_FILES = 1000;

function writeBigReviewFolder(workspace: string): void {
  const dir = join(workspace, BIG_REVIEW_DIR);
  mkdirSync(dir);
  corpusBodies(BIG_REVIEW_FILES, 5).forEach((body, i) => {
    const yaml = corpusReport({ body, year: 2024, seed: i });
    writeFileSync(join(dir, `${String(i).padStart(4, '0')}.txt`), publishedText(yaml, { totals: true, fees: true }));
  });
}

/** Runs “审核文件夹中的报告…” from the Explorer's context menu of a top-level folder of the workspace. */
async function reviewFromExplorer(page: Page, wb: Workbench, folderName: string): Promise<void> {
  await wb.runCommand('View: Show Explorer');
  const folder = page.locator('.explorer-folders-view .monaco-list-row', {
    has: page.locator('.label-name', { hasText: new RegExp(`^${folderName}$`) }),
  }).first();
  await folder.waitFor({ state: 'visible', timeout: LONG }); // the Explorer sees a new folder through its watcher
  await folder.click({ button: 'right' });
  const item = page.locator('.monaco-menu .action-item', { hasText: '审核文件夹中的报告…' }).first();
  await item.waitFor({ state: 'visible', timeout: SHORT });
  await screenshot(page, 'review-context-menu');
  await item.click();
}

/** Where `xxgk check` puts the first finding of `rule` in a file (1-based), to compare with the editor's cursor. */
function cliFinding(file: string, rule: string): { line: number; column: number } {
  const r = spawnSync(process.execPath, [join(repo, 'server/out/cli.js'), 'check', file, '--format', 'json'], { encoding: 'utf8' });
  const findings = (JSON.parse(r.stdout) as { files: Array<{ findings: Array<{ rule: string; line: number; column: number }> }> })
    .files.flatMap((f) => f.findings);
  const found = findings.find((f) => f.rule === rule);
  assert(found, `xxgk check finds no ${rule} in ${file}`);
  return found;
}

/** The language server's log line about the review of `dir`, from the extension's output channel in VS Code's logs. */
function reviewLogLine(userData: string, dir: string): string | undefined {
  const logs = join(userData, 'logs');
  if (!existsSync(logs)) return undefined;
  for (const file of readdirSync(logs, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.log'))) {
    const line = readFileSync(join(logs, file), 'utf8').split('\n').find((l) => l.includes(`xxgk: review of ${dir}:`));
    if (line) return line;
  }
  return undefined;
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

interface Ctx {
  page: Page;
  wb: Workbench;
  workspace: string;
  reportPath: string;
  /** This run's extensions folder: the language server processes it started run from here. */
  extensionsDir: string;
  /** This run's user-data folder (VS Code keeps the extension's output channel in its logs/). */
  userData: string;
  preview?: Frame;
}

/** Pids of the language servers started from this run's extensions folder. */
function serverPids(extensionsDir: string): number[] {
  const r = spawnSync('pgrep', ['-f', `${extensionsDir}/.*/server/out/server.js`], { encoding: 'utf8' });
  return r.stdout.split('\n').filter(Boolean).map(Number);
}

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = LONG): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100)); // polling interval of a condition, not a sleep standing in for one
  }
}

/** 1-based line and column (UTF-16, as the editor counts) where `pattern` (or its capture `group`) first matches. */
function locate(text: string, pattern: RegExp, group = 0): { line: number; column: number } {
  const m = new RegExp(pattern.source, `${pattern.flags.replace('d', '')}d`).exec(text);
  assert(m?.indices?.[group], `pattern ${pattern} not found in the report`);
  const offset = m.indices[group][0];
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

let shot = 0;
async function screenshot(page: Page, name: string): Promise<string> {
  const file = join(artifacts, `${String(++shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

const EXPECTED_RULES = ['DATE-BEFORE-PERIOD-END', 'STR-PARTS', 'T3-SHAPE', 'FEE-SHAPE', 'TXT-DOUBLED'];

const steps: Array<[string, (c: Ctx) => Promise<void>]> = [
  [
    'problems panel lists a report nobody opened (workspace diagnostics)',
    async ({ page, wb }) => {
      await wb.openProblems();
      const rows = await wb.filterProblems('LABEL-NORMALISE');
      const problem = rows.filter({ hasText: '“报告年度”与官方名称“年度”写法不同' }).filter({ hasText: 'xxgk' }).first();
      await problem.waitFor({ state: 'visible', timeout: LONG });
      await rows.filter({ hasText: ALIAS_REPORT }).first().waitFor({ state: 'visible', timeout: SHORT });
      const tabs = await page.locator('.tabs-container .tab').allInnerTexts();
      assert(!tabs.length, `an editor is open: ${tabs.join(' | ')}`);
      // And the seed's problems, before it is opened in the next step.
      const all = await wb.filterProblems('');
      await all.filter({ hasText: 'DATE-BEFORE-PERIOD-END' }).first().waitFor({ state: 'visible', timeout: LONG });
      await screenshot(page, 'workspace-problems');
    },
  ],
  [
    'problems panel lists the seed report’s defects; squiggles in the editor',
    async ({ page, wb }) => {
      await wb.openFile(REPORT);
      await wb.openProblems();
      for (const rule of EXPECTED_RULES) {
        const rows = await wb.filterProblems(rule);
        // The row shows the rule id as the diagnostic code and "xxgk" as its source.
        await rows.filter({ hasText: rule }).filter({ hasText: 'xxgk' }).first().waitFor({ state: 'visible', timeout: LONG });
      }
      await wb.filterProblems('');
      // A squiggle under 落款日期 on line 9 (DATE-BEFORE-PERIOD-END is an error).
      const lineNumber = wb.editor.locator('.margin-view-overlays .line-numbers', { hasText: /^9$/ });
      await lineNumber.waitFor({ state: 'visible', timeout: SHORT });
      const squiggles = wb.editor.locator('.view-overlays .squiggly-error');
      await squiggles.first().waitFor({ state: 'attached', timeout: LONG });
      const lineBox = await lineNumber.boundingBox();
      assert(lineBox, 'line number 9 has no box');
      const boxes = await squiggles.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ y: r.y, h: r.height })));
      assert(
        boxes.some((b) => b.y >= lineBox.y - 2 && b.y + b.h <= lineBox.y + lineBox.height + 2),
        `no error squiggle on line 9 (squiggles at y=${boxes.map((b) => Math.round(b.y)).join(',')}, line 9 at y=${Math.round(lineBox.y)})`,
      );
      // The squiggle's own hover names the rule.
      await wb.focusEditor();
      await wb.goTo(9, 7);
      await wb.runCommand('Show or Focus Hover');
      // (…and, once VS Code has asked the server, offers its quick fix.)
      await wb.hover.filter({ hasText: 'DATE-BEFORE-PERIOD-END' }).filter({ hasText: /Quick Fix|快速修复/ }).waitFor({ state: 'visible', timeout: SHORT });
      await screenshot(page, 'problems-and-squiggles');
      await page.keyboard.press('Escape');
    },
  ],
  [
    'hover on a total shows the official label, the identity and the computed value',
    async ({ page, wb, reportPath }) => {
      const text = readFileSync(reportPath, 'utf8');
      const total = locate(text, /本年新收:\s*\[[^\]\n]*?(\d+)\]/, 1); // the written 总计 (last element)
      await wb.focusEditor();
      await wb.goTo(total.line, total.column);
      await wb.runCommand('Show or Focus Hover');
      // (The row's T3-BLANK problem names the row too and may show first: wait for the hover's own content.)
      const hover = wb.hover.filter({ hasText: '一、本年新收政府信息公开申请数量' }).filter({ hasText: '计算值' });
      await hover.waitFor({ state: 'visible', timeout: SHORT });
      const content = await hover.innerText();
      for (const expected of ['总计', '总计 = 自然人 + 商业企业', '计算值']) {
        assert(content.includes(expected), `hover lacks “${expected}”:\n${content}`);
      }
      await screenshot(page, 'hover-total');
      await page.keyboard.press('Escape');
    },
  ],
  [
    'completion inserts the missing part 四 with its table skeleton',
    async ({ page, wb, reportPath }) => {
      const text = readFileSync(reportPath, 'utf8');
      const missing = ['缺少第四部分', '及其表四']; // STR-PARTS (part 四 with its table 四) before the completion
      for (const message of missing) {
        const rows = await wb.filterProblems(message);
        await rows.filter({ hasText: message }).first().waitFor({ state: 'visible', timeout: SHORT });
      }
      const at = locate(text, /\n\n五、存在的主要问题/); // the blank line before part 五: part 四 belongs there
      await wb.focusEditor();
      await wb.goTo(at.line + 1, 1);
      await page.keyboard.type('四');
      await page.keyboard.press('Control+Space'); // Trigger Suggest, keeping the focus in the editor
      const item = wb.suggestWidget.locator('.monaco-list-row', { hasText: '四、政府信息公开行政复议、行政诉讼情况（含表四' }).first();
      await item.waitFor({ state: 'visible', timeout: SHORT });
      await wb.selectSuggestion(item);
      await screenshot(page, 'completion');
      await page.keyboard.press('Enter');
      await wb.suggestWidget.waitFor({ state: 'hidden', timeout: SHORT });
      await screenshot(page, 'completion-inserted');
      await page.keyboard.press('Escape'); // leave snippet mode
      await wb.save(REPORT);
      const after = readFileSync(reportPath, 'utf8');
      const part4 = /^四、政府信息公开行政复议、行政诉讼情况:\n((?:[ #].*\n)*)五、/m.exec(after)?.[1] ?? '';
      for (const row of ['行政复议', '未经复议直接起诉', '复议后起诉']) {
        assert(new RegExp(`^\\s+${row}:\\s*\\[0, 0, 0, 0\\]`, 'm').test(part4), `table 四 row ${row} (zeros) was not inserted before part 五; part 四 reads:\n${part4}`);
      }
      // The problems about the missing part and its table go away.
      for (const message of missing) {
        const rows = await wb.filterProblems(message, { expectRows: false });
        await rows.first().waitFor({ state: 'detached', timeout: SHORT });
      }
      await wb.filterProblems('');
    },
  ],
  [
    'quick fix removes the doubled “进行” and its problem disappears',
    async ({ page, wb, reportPath }) => {
      const rows = await wb.filterProblems('TXT-DOUBLED');
      const problem = rows.filter({ hasText: '进行进行' }).first();
      await problem.waitFor({ state: 'visible', timeout: SHORT });
      await wb.openProblem(problem); // the cursor goes to the problem, as when a user double-clicks it
      await wb.runCommand('Quick Fix...');
      await wb.actionWidget.locator('.monaco-list-row', { hasText: '删除重复的“进行”' }).first().waitFor({ state: 'visible', timeout: SHORT });
      await screenshot(page, 'quick-fix-menu');
      await wb.applyCodeAction('删除重复的“进行”');
      await rows.filter({ hasText: '进行进行' }).first().waitFor({ state: 'detached', timeout: SHORT });
      await rows.filter({ hasText: '张营乡乡' }).first().waitFor({ state: 'visible', timeout: SHORT }); // the other one stays
      await wb.save(REPORT);
      const after = readFileSync(reportPath, 'utf8');
      assert(!after.includes('等情况进行进行报备') && after.includes('等情况进行报备'), 'the doubled word is still in the prose'); // (line 3's comment quotes it on purpose)
      await wb.filterProblems('');
      await screenshot(page, 'quick-fix-applied');
    },
  ],
  [
    'preview to the side shows the three tables with the failing cells marked',
    async (ctx) => {
      const { page, wb } = ctx;
      await wb.focusEditor();
      // The editor title offers the preview and the export as buttons.
      for (const label of ['在侧边打开预览', '导出 HTML…', '导出 Word…']) {
        await wb.editorTitleAction(label).waitFor({ state: 'visible', timeout: SHORT });
      }
      await page.keyboard.press('Control+K'); // the contributed chord ctrl+k v
      await page.keyboard.press('V');
      const frame = await wb.frameWith('table#table-t3');
      ctx.preview = frame;
      for (const id of ['table-t2', 'table-t3', 'table-t4']) {
        await frame.locator(`table#${id}`).waitFor({ state: 'attached', timeout: SHORT });
      }
      await frame.locator('td[data-cell="t3.r1:NP"]').waitFor({ state: 'attached', timeout: SHORT });
      const errors = frame.locator('[data-severity="error"][title]');
      const count = await errors.count();
      assert(count > 0, 'no cell is marked data-severity="error" in the preview');
      const title = await errors.first().getAttribute('title');
      assert(title && title.trim().length > 0, 'the marked cell has no tooltip');
      // Both panes are visible: the editor and the preview beside it.
      assert((await page.locator('.editor-group-container').count()) >= 2, 'the preview did not open beside the editor');
      // Room for the two panes (the Problems panel comes back when a later step opens it).
      await wb.runCommand('View: Hide Panel');
      if (await page.locator('.part.sidebar').isVisible()) {
        await wb.runCommand('View: Toggle Primary Side Bar Visibility');
        await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: SHORT });
      }
      await errors.first().scrollIntoViewIfNeeded();
      await screenshot(page, 'preview-beside-editor');
    },
  ],
  [
    'editing a number updates the preview; the wrong total is marked and fixed by its quick fix',
    async ({ page, wb, reportPath, preview }) => {
      assert(preview, 'preview frame missing');
      const text = readFileSync(reportPath, 'utf8');
      const np = locate(text, /本年新收:\s*\[(0)/, 1); // 自然人 of 本年新收
      const npCell = preview.locator('td[data-cell="t3.r1:NP"]');
      assert((await npCell.innerText()).trim() === '0', 'the 自然人 cell of 本年新收 does not start as 0');
      // Click into the source editor group (the first group) and type the new number.
      await page.locator('.editor-group-container').first().click({ position: { x: 200, y: 120 } });
      await wb.goTo(np.line, np.column);
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type('5');
      await preview.locator('td[data-cell="t3.r1:NP"]', { hasText: /^\s*5\s*$/ }).waitFor({ state: 'attached', timeout: SHORT });
      // Its written total (0) is now wrong: marked in the preview with a tooltip, and a problem with a quick fix.
      const totalCell = preview.locator('td[data-cell^="t3.r1:"][data-severity="error"]').first();
      await totalCell.waitFor({ state: 'attached', timeout: SHORT });
      await totalCell.scrollIntoViewIfNeeded();
      await screenshot(page, 'preview-after-edit');
      await wb.openProblems();
      const rows = await wb.filterProblems('T3-ROW-TOTAL');
      await rows.first().waitFor({ state: 'visible', timeout: SHORT });
      const total = locate(text, /本年新收:\s*\[[^\]\n]*?(\d+)\]/, 1);
      const problem = rows.filter({ hasText: 'T3-ROW-TOTAL' }).first();
      assert((await problem.innerText()).includes(`[Ln ${total.line}, Col ${total.column}]`), `T3-ROW-TOTAL is not at the written total (${total.line}:${total.column}): ${await problem.innerText()}`);
      await wb.openProblem(problem);
      await wb.runCommand('Quick Fix...');
      await wb.applyCodeAction('将总计改为计算值 5');
      await rows.first().waitFor({ state: 'detached', timeout: SHORT });
      await preview.locator('td[data-cell^="t3.r1:"][data-severity="error"]').first().waitFor({ state: 'detached', timeout: SHORT });
      await wb.filterProblems('');
      await wb.save(REPORT);
      assert(/本年新收:\s*\[5, ~, ~, ~, ~, ~, 5\]/.test(readFileSync(reportPath, 'utf8')), 'the file does not hold the edited row with its fixed total');
    },
  ],
  [
    'Export HTML writes the file next to the report, identical to `xxgk render`',
    async ({ page, wb, workspace, reportPath }) => {
      const target = join(workspace, 'seed-zhangying-2023.html');
      assert(!existsSync(target), 'export target exists before the export');
      await page.locator('.editor-group-container').first().click({ position: { x: 200, y: 120 } });
      await wb.editorTitleAction('导出 HTML…').click(); // the button in the editor title
      // The save dialog: in code-server the simple file dialog is a quick input holding the proposed path.
      await wb.quickInputBox.waitFor({ state: 'visible', timeout: SHORT });
      // It first shows the folder, then fills in the proposed name.
      const proposed = await wb.waitForInputValue(wb.quickInputBox, /\.html$/).catch(async () => wb.quickInputBox.inputValue());
      assert(proposed === target, `save dialog proposes “${proposed}”, not ${target} (the report’s name with .html, beside it)`);
      await screenshot(page, 'export-save-dialog');
      await wb.quickInputBox.fill(target);
      await page.keyboard.press('Enter');
      const done = wb.notification(/seed-zhangying-2023\.html/);
      await done.waitFor({ state: 'visible', timeout: SHORT });
      await screenshot(page, 'export-done');
      // It offers to open the result; open it in the editor.
      await done.locator('.monaco-button', { hasText: '在编辑器中打开' }).click();
      await wb.activeTab('seed-zhangying-2023.html').waitFor({ state: 'visible', timeout: SHORT });
      assert(existsSync(target), `${target} was not written`);
      const exported = readFileSync(target, 'utf8');
      const cliOut = join(workspace, '..', 'cli-render.html');
      const cli = spawnSync(process.execPath, [join(repo, 'server/out/cli.js'), 'render', reportPath, '-o', cliOut], { encoding: 'utf8' });
      assert(cli.status === 0, `xxgk render failed (exit ${cli.status}): ${cli.stderr}`);
      const expected = readFileSync(cliOut, 'utf8');
      assert(exported.includes('table-t3') && exported.includes('张营乡人民政府'), 'the exported file is not the report');
      assert(exported === expected, 'the exported HTML differs from `xxgk render` of the same text');
    },
  ],
  [
    'Export Word writes the .docx beside the report, as `xxgk render -o x.docx`, and says how many errors remain',
    async ({ page, wb, workspace, reportPath }) => {
      const target = join(workspace, 'seed-zhangying-2023.docx');
      assert(!existsSync(target), 'export target exists before the export');
      await page.locator(`.tabs-container .tab[data-resource-name="${REPORT}"]`).first().click();
      await wb.activeTab(REPORT).waitFor({ state: 'visible', timeout: SHORT });
      await wb.editorTitleAction('导出 Word…').click(); // the button beside 导出 HTML…
      await wb.quickInputBox.waitFor({ state: 'visible', timeout: SHORT });
      const proposed = await wb.waitForInputValue(wb.quickInputBox, /\.docx$/).catch(async () => wb.quickInputBox.inputValue());
      assert(proposed === target, `save dialog proposes “${proposed}”, not ${target}`);
      await wb.quickInputBox.fill(target);
      await page.keyboard.press('Enter');
      // The seed still has errors: the export goes ahead and the message says how many remain.
      const done = wb.notification(/seed-zhangying-2023\.docx。报告仍有 \d+ 个错误/);
      await done.waitFor({ state: 'visible', timeout: SHORT });
      await screenshot(page, 'export-word-done');
      await waitFor(`${target} to be written`, () => existsSync(target));
      const cliOut = join(workspace, '..', 'cli-render.docx');
      const cli = spawnSync(process.execPath, [join(repo, 'server/out/cli.js'), 'render', reportPath, '-o', cliOut], { encoding: 'utf8' });
      assert(cli.status === 0, `xxgk render failed (exit ${cli.status}): ${cli.stderr}`);
      const { docxParts } = await import('../helpers/docx');
      const [exported, expected] = await Promise.all([docxParts(readFileSync(target)), docxParts(readFileSync(cliOut))]);
      assert(exported.document.includes('张营乡人民政府') && exported.document.includes('<w:tbl>'), 'the exported file is not the report');
      assert(exported.document === expected.document, 'the exported Word file differs from `xxgk render -o x.docx` of the same text');
    },
  ],
  [
    'the language server is killed: VS Code restarts it, unsaved text is kept and checked again',
    async ({ page, wb, reportPath, extensionsDir }) => {
      // Back to the report's tab (the exported HTML is open beside it in the same group).
      await page.locator(`.tabs-container .tab[data-resource-name="${REPORT}"]`).first().click();
      await wb.activeTab(REPORT).waitFor({ state: 'visible', timeout: SHORT });
      const saved = readFileSync(reportPath, 'utf8');
      const np = locate(saved, /本年新收:\s*\[(5)/, 1);
      await wb.goTo(np.line, np.column);
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type('7'); // unsaved: 自然人 7 against a written total of 5
      await wb.openProblems();
      const rows = await wb.filterProblems('T3-ROW-TOTAL');
      await rows.first().waitFor({ state: 'visible', timeout: SHORT });
      const [before] = await waitFor('a running language server', () => { const p = serverPids(extensionsDir); return p.length ? p : undefined; });
      process.kill(before, 'SIGKILL');
      const after = await waitFor('a restarted language server', () => serverPids(extensionsDir).find((p) => p !== before));
      console.log(`      language server ${before} killed, restarted as ${after}`);
      // The restarted server has the editor's unsaved text: one more keystroke (7 → 8) is checked against it.
      await wb.focusEditor();
      await wb.goTo(np.line, np.column);
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type('8');
      const again = await wb.filterProblems('T3-ROW-TOTAL');
      const eight = again.filter({ hasText: '应为 8' }).first();
      await eight.waitFor({ state: 'visible', timeout: LONG });
      assert((await eight.innerText()).includes('填报为 5'), `after the restart the problem does not read the unsaved row: ${await eight.innerText()}`);
      await wb.focusEditor();
      assert(readFileSync(reportPath, 'utf8') === saved, 'the file on disk changed, although nothing was saved');
      await screenshot(page, 'server-restarted');
      await wb.filterProblems('');
    },
  ],
  [
    '“New report from last year” proposes the next year, which the server read (here from the alias 报告年度)',
    async ({ page, wb }) => {
      await wb.openFile(ALIAS_REPORT);
      await wb.runCommand('由上年报告新建…');
      // The input box for the new year is filled from xxgk/reportInfo: 2022 + 1.
      await wb.waitForInputValue(wb.quickInputBox, /^2023$/, LONG);
      await screenshot(page, 'new-from-last-year');
      await wb.closeQuickInput();
    },
  ],
  [
    '“审核文件夹中的报告…” on a folder in the Explorer: the dashboard lists every body; a finding opens the report at its line',
    async ({ page, wb, workspace, userData }) => {
      const dir = writeReviewFolder(workspace);
      // A clean window for the dashboard; the seed's unsaved edit (the restart step) is dropped when asked.
      const unsaved = await page.locator('.tabs-container .tab.dirty').count();
      await wb.runCommand('View: Close All Editor Groups');
      if (unsaved) {
        await page.locator('.monaco-dialog-box .monaco-button', { hasText: /^(Don't Save|不保存)$/ }).first().click({ timeout: SHORT });
      }
      await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: SHORT });
      await reviewFromExplorer(page, wb, REVIEW_DIR);
      // The dashboard: one row per body and year, in the default view (by severity).
      const frame = await wb.frameWith('#by-severity tr[data-body]');
      const rows = frame.locator('#by-severity tr[data-body]'); // the page is whole when its first row is there
      assert((await rows.count()) === REVIEW_FILES.length, `the dashboard has ${await rows.count()} rows, not ${REVIEW_FILES.length}`);
      const names = (await rows.locator('td.name a').allInnerTexts()).map((t) => t.trim()).sort();
      assert(names.join('|') === ['张营乡人民政府', '张营乡人民政府', '示例县自然资源和规划局', '示例县自然资源和规划局'].join('|'),
        `the dashboard lists ${names.join('、')}`);
      await page.locator('.tabs-container .tab.active', { hasText: `审核：${REVIEW_DIR}` }).waitFor({ state: 'visible', timeout: SHORT });
      // The body list's other orders (:target in a browser; switched by the webview's script here).
      await frame.locator('.tabs a[href="#by-name"]').click();
      await frame.locator('#by-name').waitFor({ state: 'visible', timeout: SHORT });
      await frame.locator('#by-severity').waitFor({ state: 'hidden', timeout: SHORT });
      await frame.locator('.tabs a[href="#by-severity"]').click();
      await frame.locator('#by-name').waitFor({ state: 'hidden', timeout: SHORT });
      // Room for the dashboard and the report (sidebar, panel and earlier notifications out of the way).
      if (await page.locator('.part.sidebar').isVisible()) {
        await wb.runCommand('View: Toggle Primary Side Bar Visibility');
        await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: SHORT });
      }
      await wb.runCommand('View: Hide Panel');
      await wb.runCommand('Notifications: Clear All Notifications');
      await frame.locator('#summary').scrollIntoViewIfNeeded();
      await screenshot(page, 'review-dashboard');
      // The packaged server found its worker bundle (server/out/reviewWorker.js in the .vsix): the files were read in
      // worker threads, not in the language server's own thread.
      const logLine = await waitFor('the language server’s log line about the review', () => reviewLogLine(userData, dir));
      assert(/: 4 files in \d+ ms, \d+ worker threads/.test(logLine), `the review did not use worker threads: ${logLine}`);
      // A finding of the department's .xxgk.yaml report: a click opens the report beside, the cursor at its place.
      const report = join(dir, 'county-dept-2024-mistakes.xxgk.yaml');
      const expected = cliFinding(report, 'T3-ROW-TOTAL');
      const finding = frame.locator('section[data-source="yaml"] tr[data-finding]', { hasText: 'T3-ROW-TOTAL' }).first();
      await finding.scrollIntoViewIfNeeded();
      const shown = await finding.innerText();
      assert(shown.includes(`第 ${expected.line} 行第 ${expected.column} 列`), `the finding row does not name its place: ${shown}`);
      await finding.click();
      await frame.locator('tr.opened[data-finding]', { hasText: 'T3-ROW-TOTAL' }).waitFor({ state: 'attached', timeout: SHORT });
      await wb.activeTab('county-dept-2024-mistakes.xxgk.yaml').waitFor({ state: 'visible', timeout: SHORT });
      await wb.waitForCursor(expected.line, expected.column);
      assert((await page.locator('.editor-group-container').count()) >= 2, 'the report did not open beside the dashboard');
      await screenshot(page, 'review-finding-opened');
      // A finding of the copied web text: it opens in the text the import makes of that file (new, unsaved), at the
      // place `xxgk import` + `xxgk check` give for it.
      const text = REVIEW_FILES.find(([file]) => file.endsWith('.txt'))![0];
      const importedFile = join(mkdtempSync(join(tmpdir(), 'xxgk-e2e-import-')), 'imported.xxgk.yaml');
      const imported = spawnSync(process.execPath, [join(repo, 'server/out/cli.js'), 'import', join(dir, text), '-o', importedFile]);
      assert(imported.status === 0, `xxgk import failed: ${imported.stderr}`);
      const expectedImported = cliFinding(importedFile, 'DATE-BEFORE-PERIOD-END');
      rmSync(importedFile);
      await wb.runCommand('View: Focus First Editor Group'); // back to the dashboard
      const importedFinding = frame.locator('section[data-source="text"] tr[data-finding]', { hasText: 'DATE-BEFORE-PERIOD-END' });
      await importedFinding.first().scrollIntoViewIfNeeded();
      await importedFinding.first().click();
      await page.locator('.tabs-container .tab.active[data-resource-name^="Untitled"]').first()
        .waitFor({ state: 'visible', timeout: SHORT });
      await wb.waitForCursor(expectedImported.line, expectedImported.column);
      await screenshot(page, 'review-imported-finding-opened');
    },
  ],
  [
    'after a reload of the window the dashboard comes back: its folder is reviewed again',
    async ({ page, wb }) => {
      // The command (not a browser reload) lets the workbench save its editors before the page goes.
      const reloaded = page.waitForEvent('load', { timeout: LONG });
      await wb.runCommand('Developer: Reload Window');
      await reloaded; // every old frame is gone from here on (the side bar stays hidden, as the last step left it)
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: LONG });
      await page.locator('.tabs-container .tab', { hasText: `审核：${REVIEW_DIR}` }).first()
        .waitFor({ state: 'attached', timeout: LONG });
      const frame = await wb.frameWith('#by-severity tr[data-body]');
      const rows = await frame.locator('#by-severity tr[data-body]').count();
      assert(rows === REVIEW_FILES.length, `the restored dashboard has ${rows} rows, not ${REVIEW_FILES.length}`);
      await screenshot(page, 'review-restored');
    },
  ],
  [
    'the review’s progress notification counts the files and names the current one; Cancel stops the review',
    async ({ page, wb, workspace }) => {
      // The request only comes back (and the status bar says so) when the server answers it as cancelled.
      writeBigReviewFolder(workspace);
      await reviewFromExplorer(page, wb, BIG_REVIEW_DIR);
      const toast = wb.notification(`正在审核“${BIG_REVIEW_DIR}”中的报告`);
      await toast.waitFor({ state: 'visible', timeout: SHORT });
      await toast.filter({ hasText: new RegExp(`审核 \\d+/${BIG_REVIEW_FILES} · \\d{4}\\.txt`) }).waitFor({ state: 'visible', timeout: LONG });
      await screenshot(page, 'review-progress');
      await toast.locator('.monaco-button', { hasText: /^(Cancel|取消)$/ }).first().click();
      await page.locator('.statusbar-item', { hasText: '审核已取消。' }).first().waitFor({ state: 'visible', timeout: SHORT });
      await toast.waitFor({ state: 'hidden', timeout: SHORT });
      const dashboards = await page.locator('.tabs-container .tab', { hasText: `审核：${BIG_REVIEW_DIR}` }).count();
      assert(dashboards === 0, 'a dashboard opened for the cancelled review');
    },
  ],
];

async function main(): Promise<number> {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  assert(existsSync(vsix), `${vsix} not found: run npm run package first`);
  const tmp = mkdtempSync(join(tmpdir(), 'xxgk-e2e-'));
  const dirs = { userData: join(tmp, 'user-data'), extensions: join(tmp, 'extensions') };
  const workspace = join(tmp, 'workspace');
  mkdirSync(workspace);
  const reportPath = join(workspace, REPORT);
  cpSync(join(repo, 'samples', REPORT), reportPath);
  // Written before the workbench starts: Quick Open's file index does not always see a file created later.
  writeFileSync(join(workspace, ALIAS_REPORT), aliasReport());

  let browser: Browser | undefined;
  let page: Page | undefined;
  const results: Array<[string, 'PASS' | 'FAIL' | 'NOT RUN', number]> = [];
  const onSignal = () => void stopAll().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    let t0 = Date.now();
    const seconds = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
    const installDir = ensureCodeServer(repo);
    console.log(`code-server install ready in ${seconds()}`);
    t0 = Date.now();
    installVsix(installDir, [vsix], dirs, join(artifacts, 'install-extension.log'));
    if (!locale.startsWith('en')) declareDisplayLanguage(dirs.userData, locale);
    const server: CodeServer = await startCodeServer(installDir, { workspace, ...dirs, log: join(artifacts, 'code-server.log'), locale });
    console.log(`code-server ${server.url} (pid ${server.process.pid}) up in ${seconds()}, workspace ${workspace}, locale ${locale}`);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: process.env.XXGK_E2E_HEADED !== '1',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(SHORT);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    const wb = new Workbench(page);
    await wb.waitReady();
    console.log(`workbench ready in ${seconds()}`);
    const ctx: Ctx = { page, wb, workspace, reportPath, extensionsDir: dirs.extensions, userData: dirs.userData };
    let failed = false;
    for (const [name, run] of steps) {
      if (failed) {
        results.push([name, 'NOT RUN', 0]);
        continue;
      }
      const start = Date.now();
      try {
        await run(ctx);
        results.push([name, 'PASS', Date.now() - start]);
        console.log(`PASS  ${name} (${((Date.now() - start) / 1000).toFixed(1)}s)`);
      } catch (e) {
        failed = true;
        results.push([name, 'FAIL', Date.now() - start]);
        console.log(`FAIL  ${name} (${((Date.now() - start) / 1000).toFixed(1)}s)\n      ${String(e instanceof Error ? e.message : e).split('\n').join('\n      ')}`);
        await screenshot(page, 'FAILED').catch(() => undefined);
      }
    }
  } catch (e) {
    console.log(`FAIL  setup: ${e instanceof Error ? e.stack : e}`);
    if (page) await screenshot(page, 'FAILED-setup').catch(() => undefined);
    results.push(['setup', 'FAIL', 0]);
  } finally {
    await browser?.close().catch(() => undefined);
    await stopAll();
    // Keep the extension host / language server logs of a failed run for diagnosis.
    if (results.some(([, r]) => r !== 'PASS') && existsSync(join(dirs.userData, 'logs'))) {
      cpSync(join(dirs.userData, 'logs'), join(artifacts, 'logs'), { recursive: true });
    }
    rmSync(tmp, { recursive: true, force: true });
  }
  for (const [name, r] of results.filter(([, r]) => r === 'NOT RUN')) console.log(`${r}  ${name}`);
  const passed = results.filter(([, r]) => r === 'PASS').length;
  const ok = passed === steps.length;
  console.log(`\n${ok ? 'PASS' : 'FAIL'}: ${passed}/${steps.length} end-to-end steps passed; screenshots in ${artifacts}`);
  writeFileSync(join(artifacts, 'results.json'), JSON.stringify(results, null, 2));
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    void stopAll().finally(() => process.exit(1));
  },
);
