// Bundles the server, the CLI and the client with esbuild, and generates schemas/ from the zod format.
//   node scripts/build.mjs            build and write the schema
//   node scripts/build.mjs --check    build, and fail if the committed schema is not what the code generates
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const check = process.argv.includes('--check');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', charset: 'utf8' };

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

const entries = [
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
].filter((e) => existsSync(e.entryPoints[0]));
await Promise.all([
  ...entries.map((e) => build({ ...common, ...e })),
  // The preview's own script runs in the webview (a browser), not in Node.
  build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: false, entryPoints: ['client/src/webview/previewScript.ts'], outfile: 'media/preview.js' }),
]);
