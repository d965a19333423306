/**
 * A real VS Code for the end-to-end suite: code-server (VS Code's server + web workbench) installed by
 * scripts/e2e/setup-code-server.sh into a cache outside the clone, started fresh for every run with its own
 * user-data and extensions folders under a temp dir, bound to 127.0.0.1 on a free port.
 * Every process started here is recorded and stopped by its id in stopAll(), also when a step fails.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';

/** Runs the setup script (idempotent, cached on the version) and returns the install dir it prints. */
export function ensureCodeServer(repoRoot: string): string {
  const result = spawnSync('bash', [join(repoRoot, 'scripts/e2e/setup-code-server.sh')], {
    env: { ...process.env, CS_VERSION: CODE_SERVER_VERSION },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`scripts/e2e/setup-code-server.sh failed (exit ${result.status})`);
  const dir = result.stdout.trim().split('\n').pop();
  if (!dir) throw new Error('setup-code-server.sh printed no install dir');
  return dir;
}

export function codeServerBin(installDir: string): string {
  return join(installDir, 'node_modules/.bin/code-server');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const started: ChildProcess[] = [];

/**
 * User settings for a quiet, deterministic workbench: no welcome page, walkthroughs, trust prompts, update checks
 * or chat setup popping over the editor; the simple (in-workbench) file dialog so the save dialog can be driven.
 */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'files.simpleDialog.enable': true,
  'files.autoSave': 'off', // the test saves explicitly, then reads the file from disk
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.hover.delay': 300,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'git.enabled': false,
  'redhat.telemetry.enabled': false,
};

export interface CodeServer {
  url: string;
  port: number;
  process: ChildProcess;
}

/** Installs .vsix files into a fresh extensions dir with code-server's own CLI (the way a user would). */
export function installVsix(installDir: string, vsixes: string[], dirs: { userData: string; extensions: string }, log: string): void {
  const args = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, ...vsixes.flatMap((v) => ['--install-extension', v])];
  const r = spawnSync(codeServerBin(installDir), args, { encoding: 'utf8', timeout: 120_000 });
  writeFileSync(log, `$ code-server ${args.join(' ')}\n${r.stdout}\n${r.stderr}\n`);
  const installed = (r.stdout + r.stderr).match(/successfully installed/gi)?.length ?? 0;
  if (r.status !== 0 || installed !== vsixes.length) {
    throw new Error(`code-server --install-extension failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
}

/**
 * Makes VS Code run in `locale` (e.g. zh-cn) the way an installed language pack does: VS Code resolves the display
 * language through <user-data-dir>/languagepacks.json, which names each language's translation file. We declare one
 * with no workbench translations (the real Chinese language pack cannot be downloaded here), so the workbench keeps
 * its English labels while the extension host runs in zh-cn: our manifest strings, l10n bundle and server messages
 * are Chinese, as on a clerk's machine.
 */
export function declareDisplayLanguage(userData: string, locale: string): void {
  mkdirSync(userData, { recursive: true });
  const translations = join(userData, `xxgk-e2e-${locale}.i18n.json`);
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const packs = {
    [locale]: {
      hash: `xxgk-e2e-${locale}`, // names VS Code's cache folder of generated messages
      extensions: [{ extensionIdentifier: { id: `xxgk-e2e.locale-${locale}` }, version: '1.0.0' }],
      translations: { vscode: translations },
      label: locale,
    },
  };
  writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}

export async function startCodeServer(
  installDir: string,
  opts: { workspace: string; userData: string; extensions: string; log: string; locale?: string; env?: Record<string, string> },
): Promise<CodeServer> {
  mkdirSync(join(opts.userData, 'User'), { recursive: true });
  writeFileSync(join(opts.userData, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const port = await freePort();
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', opts.userData,
    '--extensions-dir', opts.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(opts.locale ? ['--locale', opts.locale] : []),
    opts.workspace,
  ];
  const out = createWriteStream(opts.log);
  // detached: its own process group, so stopAll() can end code-server AND the extension host / language server
  // it spawned by signalling that one group id — nothing else on the machine.
  // opts.env reaches the extension host too (it inherits the server's environment).
  const env = { ...process.env, ...opts.env };
  const child = spawn(codeServerBin(installDir), args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  started.push(child);
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const url = `http://127.0.0.1:${port}`;
  await waitForHealthy(url, child, 180_000);
  return { url, port, process: child };
}

async function waitForHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early (code ${child.exitCode}); see its log`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250)); // polling interval of a condition, not a fixed wait
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000}s`);
}

/** Stops every process group started here (SIGTERM, then SIGKILL for stragglers). Safe to call twice. */
export async function stopAll(): Promise<void> {
  for (const child of started.splice(0)) {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      continue; // already gone
    }
    await Promise.race([exited, new Promise<void>((r) => setTimeout(r, 10_000).unref())]);
    try {
      process.kill(-child.pid, 'SIGKILL'); // group members that outlived code-server, or code-server itself if stuck
    } catch {
      // ESRCH: the group is already empty
    }
  }
}
