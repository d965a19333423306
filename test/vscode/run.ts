/**
 * npm run test:vscode — the extension's mocha suite (test/vscode/suite/) inside a real VS Code, through the
 * `vscode` API, the way @vscode/test-electron runs extension tests:
 *  - here (no desktop VS Code can be downloaded): in code-server 4.100.3's remote extension host, with headless
 *    Chromium as the window. The workbench URL's `payload` names the extension under development (this checkout)
 *    and the tests (out/test/vscode/index.js) as vscode-remote URIs.
 *  - with VSCODE_PATH=/path/to/code (or --download where the internet is reachable): @vscode/test-electron.
 * Either way the suite appends its results to a file this script follows and prints; the exit code is 0 only
 * when the suite ran to the end with no failures. Env: XXGK_VSCODE_GREP (mocha --grep), CHROMIUM.
 * Results and logs (code-server, browser console, VS Code's own logs) go to .test-artifacts/vscode/.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { ensureCodeServer, startCodeServer, stopAll } from '../e2e/codeServer';
import { followResults, type Outcome, type Watchdog } from './follow';
import { GREP_ENV, RESULTS_ENV } from './results';
import { prepareWorkspace } from './workspace';

const repo = resolve(__dirname, '../..');
const artifacts = join(repo, '.test-artifacts/vscode');
const outDir = join(repo, 'out/test/vscode');
/** The extension host, the extension and the language server start within this on a slow first run. */
const START_TIMEOUT_MS = 180_000;
/** A bound on the whole suite, far above its normal minute: a hang fails with the test it hung in. */
const RUN_TIMEOUT_MS = 15 * 60_000;

async function buildSuite(): Promise<void> {
  const suite = ['activation', 'settings', 'languageFeatures', 'commands', 'workspaceDiagnostics'].map((f) => join(repo, `test/vscode/suite/${f}.ts`));
  rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints: [join(repo, 'test/vscode/index.ts'), ...suite],
    outbase: join(repo, 'test/vscode'),
    outdir: outDir,
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline', logLevel: 'warning', charset: 'utf8',
    external: ['vscode', 'mocha'], // the host's API; mocha is loaded from node_modules, as its reporters expect
  });
}

function suiteEnv(results: string): Record<string, string> {
  return { [RESULTS_ENV]: results, ...(process.env[GREP_ENV] ? { [GREP_ENV]: process.env[GREP_ENV]! } : {}) };
}

function tail(file: string, lines: number): string {
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(no log)';
}

/** The suite in code-server's remote extension host, the window being headless Chromium. */
async function runInCodeServer(tmp: string, workspace: string, results: string): Promise<Outcome> {
  const t0 = Date.now();
  const seconds = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
  const installDir = ensureCodeServer(repo);
  console.log(`code-server install ready (${seconds()})`);
  const userData = join(tmp, 'user-data');
  const serverLog = join(artifacts, 'code-server.log');
  const server = await startCodeServer(installDir, {
    workspace, userData, extensions: join(tmp, 'extensions'), log: serverLog, env: suiteEnv(results),
  });
  console.log(`code-server ${server.url} (pid ${server.process.pid}) up (${seconds()})`);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const consoleLines: string[] = [];
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.stack ?? e.message}`));
    const remote = (path: string) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const payload = [['extensionDevelopmentPath', remote(repo)], ['extensionTestsPath', remote(join(outDir, 'index.js'))]];
    const query = `folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(`${server.url}/?${query}`);
    const watchdog = codeServerWatchdog(server.process, serverLog, () => consoleLines);
    try {
      return await followResults(results, watchdog);
    } finally {
      writeFileSync(join(artifacts, 'browser-console.log'), `${consoleLines.join('\n')}\n`);
      console.log(`(code-server run took ${seconds()})`);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await stopAll();
    if (existsSync(join(userData, 'logs'))) cpSync(join(userData, 'logs'), join(artifacts, 'logs'), { recursive: true });
  }
}

/** Why a code-server run cannot deliver results: the server died, the extension host never ran the suite or died. */
function codeServerWatchdog(server: { exitCode: number | null }, serverLog: string, consoleLines: () => string[]): Watchdog {
  const since = Date.now();
  // Offline noise (the gallery, vsda) left out; each error cut to its first lines, where the cause is.
  const noise = /Failed to load resource|ENOTFOUND|open-vsx/;
  const errors = () => consoleLines().filter((l) => /^\[(error|pageerror)\]/.test(l) && !noise.test(l)).slice(-6)
    .map((l) => l.split('\n').slice(0, 4).join('\n    ')).join('\n') || '(none)';
  return {
    check(started, current) {
      if (server.exitCode !== null) return `code-server exited (code ${server.exitCode}); its log:\n${tail(serverLog, 30)}`;
      const log = existsSync(serverLog) ? readFileSync(serverLog, 'utf8') : '';
      const exited = /Extension Host Process exited with code: (\d+)/.exec(log);
      if (exited) {
        const when = !started ? 'before the suite started'
          : `before the suite finished${current ? `, during “${current}”` : ''}`;
        return `the extension host exited (code ${exited[1]}) ${when}.\n`
          + `Browser console errors:\n${errors()}\ncode-server log:\n${tail(serverLog, 20)}`;
      }
      const waited = Date.now() - since;
      if (!started && waited > START_TIMEOUT_MS) {
        const loaded = log.includes('Loading development extension');
        return `the suite did not start within ${START_TIMEOUT_MS / 1000}s: ${loaded
          ? 'code-server loaded the development extension, but the extension host never called run()'
          : 'code-server never loaded the development extension (no extension host for it)'}.\n`
          + `Browser console errors:\n${errors()}\ncode-server log:\n${tail(serverLog, 20)}`;
      }
      if (waited > RUN_TIMEOUT_MS) {
        return `the suite did not finish within ${RUN_TIMEOUT_MS / 60_000} minutes; still in “${current}”`;
      }
      return undefined;
    },
  };
}

/** The suite in desktop VS Code through @vscode/test-electron (where a build exists or can be downloaded). */
async function runInDesktop(workspace: string, results: string, vscodePath: string | undefined): Promise<Outcome> {
  const { runTests } = await import('@vscode/test-electron');
  let settled: string | undefined;
  const running = runTests({
    extensionDevelopmentPath: repo,
    extensionTestsPath: join(outDir, 'index.js'),
    extensionTestsEnv: suiteEnv(results),
    ...(vscodePath ? { vscodeExecutablePath: vscodePath } : {}),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  }).then(() => { settled = 'VS Code exited (code 0) without reporting the end of the suite'; },
    (e: unknown) => { settled = `VS Code failed: ${e instanceof Error ? e.message : String(e)}`; });
  const outcome = await followResults(results, { check: () => settled });
  await running;
  return outcome;
}

async function main(): Promise<number> {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  await buildSuite();
  const tmp = mkdtempSync(join(tmpdir(), 'xxgk-vscode-'));
  const workspace = join(tmp, 'workspace');
  prepareWorkspace(repo, workspace);
  const results = join(artifacts, 'results.jsonl');
  const onSignal = () => void stopAll().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const desktop = process.env.VSCODE_PATH || process.argv.includes('--download');
  try {
    console.log(desktop ? 'Running the extension tests in desktop VS Code (@vscode/test-electron)'
      : 'Running the extension tests in code-server’s extension host (headless Chromium as the window)');
    if (process.env[GREP_ENV]) console.log(`Only the tests matching ${GREP_ENV}=${process.env[GREP_ENV]}`);
    const outcome = desktop ? await runInDesktop(workspace, results, process.env.VSCODE_PATH)
      : await runInCodeServer(tmp, workspace, results);
    const counts = `${outcome.passes} passed, ${outcome.failures} failed${outcome.notRun ? `, ${outcome.notRun} not run` : ''}`;
    const unfinished = outcome.reason ? ', suite did not finish' : '';
    console.log(`\n${outcome.ok ? 'PASS' : 'FAIL'}: extension tests in VS Code — ${counts}${unfinished}; logs in ${artifacts}`);
    return outcome.ok ? 0 : 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`FAIL: extension tests in VS Code could not run: ${e instanceof Error ? e.stack : e}`);
    void stopAll().finally(() => process.exit(1));
  },
);
