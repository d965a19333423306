// Runs test/vscode/suite.ts inside desktop VS Code with @vscode/test-electron — wherever a VS Code build is
// available: VSCODE_PATH=/path/to/code, or `--download` to let test-electron fetch one (needs the internet).
// Without either it reports NOT RUN (exit 0, nothing counted as passed): this machine cannot download VS Code;
// the real-VS-Code tests here are the code-server end-to-end suite (npm run test:e2e).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const vscodePath = process.env.VSCODE_PATH;
const download = process.argv.includes('--download');
if (!vscodePath && !download) {
  console.log('@vscode/test-electron suite: NOT RUN — no VS Code build available (set VSCODE_PATH, or pass --download where the internet is reachable).');
  process.exit(0);
}
await build({ entryPoints: [join(root, 'test/vscode/suite.ts')], outfile: join(root, 'out/test/vscode/suite.js'), bundle: true, platform: 'node', format: 'cjs', external: ['vscode'] });
const { runTests } = await import('@vscode/test-electron');
await runTests({
  extensionDevelopmentPath: root,
  extensionTestsPath: join(root, 'out/test/vscode/suite.js'),
  ...(vscodePath ? { vscodeExecutablePath: vscodePath } : {}),
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
});
