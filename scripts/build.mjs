// Bundles the server, the CLI and the client with esbuild, and generates schemas/ from the zod format.
//   node scripts/build.mjs            build and write the schema
//   node scripts/build.mjs --check    build, and fail if the committed schema is not what the code generates
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const check = process.argv.includes('--check');
const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', charset: 'utf8',
  define: { XXGK_VERSION: JSON.stringify(version), XXGK_BUNDLE: 'true' },
};

// The schema generator is bundled like the rest, so the schema comes from exactly the code that ships.
await build({ ...common, entryPoints: ['server/src/model/schema.ts'], outfile: 'out/schema.js', sourcemap: false });
const require = createRequire(import.meta.url);
const generated = JSON.stringify(require('../out/schema.js').jsonSchema(), null, 2) + '\n';
const schemaFile = 'schemas/xxgk-report.schema.json';
if (check) {
  const committed = existsSync(schemaFile) ? readFileSync(schemaFile, 'utf8') : '';
  if (committed !== generated) {
    console.error(`${schemaFile} is stale: it differs from what server/src/model/schema.ts generates. Run \`npm run build\` and commit it.`);
    process.exit(1);
  }
} else {
  mkdirSync('schemas', { recursive: true });
  writeFileSync(schemaFile, generated);
}

// PDF.js (3.5 MB) is its own bundle, server/out/pdfjs.js, required by the server and the CLI only when a PDF is
// imported: their start-up stays as it was. It reads `import.meta.url` (to find optional modules): in CommonJS
// that is this file's URL.
const pdfjsExternal = {
  name: 'pdfjs-external',
  setup(b) { b.onResolve({ filter: /^\.\/pdfjs$/ }, () => ({ path: './pdfjs.js', external: true })); },
};
const pdfjsBundle = {
  entryPoints: ['server/src/import/pdfjs.ts'], outfile: 'server/out/pdfjs.js', sourcemap: false,
  define: { 'import.meta.url': '__xxgkPdfjsUrl' }, banner: { js: 'var __xxgkPdfjsUrl = require("url").pathToFileURL(__filename).href;' },
};
// `yaml` reads process.env.LOG_TOKENS / LOG_STREAM (its own debug switches) once per token: in Node each read is a
// call into C++ (~165 ns), about 0.3 ms of every 8 KB report's parse — a tenth of a review, and of every keystroke's
// check. The bundles answer "off" once at build time; test/bundle.test.ts fails if yaml's code changes shape.
const YAML_DEBUG_SWITCH = /\bnode_process\.env\.(LOG_TOKENS|LOG_STREAM)\b/g;
const yamlDebugOff = {
  name: 'yaml-debug-switches-off',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/].*\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replace(YAML_DEBUG_SWITCH, 'false');
      return contents === source ? undefined : { contents, loader: 'js' };
    });
  },
};
const entries = [
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js', banner: { js: '#!/usr/bin/env node' }, plugins: [pdfjsExternal] },
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [pdfjsExternal] },
  // The worker threads of `xxgk review` (review/pool.ts finds it beside cli.js or server.js).
  { entryPoints: ['server/src/review/worker.ts'], outfile: 'server/out/reviewWorker.js', plugins: [pdfjsExternal] },
  ...(existsSync('server/src/import/pdfjs.ts') ? [pdfjsBundle] : []),
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
].filter((e) => existsSync(e.entryPoints[0]));
await Promise.all([
  ...entries.map((e) => build({ ...common, ...e, plugins: [...(e.plugins ?? []), yamlDebugOff] })),
  // The preview's own script runs in the webview (a browser), not in Node.
  build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: false, entryPoints: ['client/src/webview/previewScript.ts'], outfile: 'media/preview.js' }),
  // The review dashboard's one script: opens a clicked finding in the editor (client/src/review.ts).
  build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: false, entryPoints: ['client/src/webview/reviewScript.ts'], outfile: 'media/review.js' }),
]);

// The predefined CMaps of Chinese (Adobe-GB1) fonts, for PDFs whose fonts are not embedded (see pdfjs.ts).
const cmapSource = join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps');
mkdirSync('server/out/cmaps', { recursive: true });
for (const name of readdirSync(cmapSource)) {
  if (/^(Adobe-GB1-|UniGB-|GB)[\w-]*\.bcmap$/.test(name)) copyFileSync(join(cmapSource, name), join('server/out/cmaps', name));
}
