// Lists the files inside the packaged .vsix and fails when anything but the shipped product is in it:
// TypeScript sources, source maps, tests, node_modules, dotfiles, CI/scripts. Also checks that what the manifest
// points at is there, and that the bundles need no module outside Node and VS Code (we package
// --no-dependencies, so an unbundled require would only fail on a user's machine).
//   node scripts/check-vsix.mjs [file.vsix]      (default: <name>-<version>.vsix from package.json)
// checkVsix(buffer) is exported for test/package.test.ts.
import { readFileSync, realpathSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

/** Reads a zip's central directory: name → {method, compressedSize, localOffset}. No dependency needed. */
function readZip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad zip central directory');
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28), extraLen = buf.readUInt16LE(at + 30), commentLen = buf.readUInt16LE(at + 32);
    const localOffset = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    entries.set(name, { method, compressedSize, size, localOffset });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}
function readEntry(buf, e) {
  const nameLen = buf.readUInt16LE(e.localOffset + 26), extraLen = buf.readUInt16LE(e.localOffset + 28);
  const data = buf.subarray(e.localOffset + 30 + nameLen + extraLen, e.localOffset + 30 + nameLen + extraLen + e.compressedSize);
  return e.method === 0 ? data : inflateRawSync(data);
}


// Everything the extension may ship, under extension/; the vsix's own metadata files at the root.
const allowed = [
  /^\[Content_Types\]\.xml$/, /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/, /^extension\/package\.nls(\.[\w-]+)?\.json$/,
  /^extension\/(readme|README)\.md$/, /^extension\/(LICENSE|LICENSE\.txt|license\.txt)$/, /^extension\/changelog\.md$/i,
  /^extension\/media\/[\w.-]+\.(png|svg|css|js)$/,   // icons, the preview's stylesheet and its bundled webview script
  /^extension\/language-configuration\.json$/, /^extension\/syntaxes\/[\w.-]+\.tmLanguage\.json$/,
  /^extension\/client\/out\/[\w.-]+\.js$/, /^extension\/server\/out\/[\w.-]+\.js$/,
  /^extension\/server\/out\/cmaps\/[\w.-]+\.bcmap$/,   // PDF.js's CMaps for non-embedded Chinese fonts
  /^extension\/schemas\/[\w.-]+\.json$/, /^extension\/l10n\/bundle\.l10n(\.[\w-]+)?\.json$/,
  /^extension\/docs\/images\/[\w.-]+\.png$/,
  /^extension\/samples\/[\w.-]+\.xxgk\.yaml$/,   // samples may ship (a user can open them from the extension)
];
// Named explicitly so the failure says WHY a file must not ship.
const forbidden = [
  [/\.tsx?$/, 'TypeScript source'], [/\.map$/, 'source map (embeds the sources)'],
  [/(^|\/)node_modules\//, 'node_modules (everything is bundled)'], [/(^|\/)(test|tests|__tests__)\//, 'test'],
  [/\.test\.[jt]s$/, 'test'], [/(^|\/)\.[^/]+/, 'dotfile'], [/(^|\/)(\.ci|scripts)\//, 'build/CI script'],
  [/\.vsix$/, 'nested package'],
];

/** The files of a .vsix (name, size) and every reason it must not ship. */
export function checkVsix(zip) {
  const entries = readZip(zip);
  const names = [...entries.keys()].filter((n) => !n.endsWith('/')).sort();
  const files = names.map((name) => ({ name, size: entries.get(name).size }));
  const problems = [];
  for (const name of names) {
    const why = forbidden.find(([re]) => re.test(name));
    if (why) problems.push(`${name}: ${why[1]} must not be packaged`);
    else if (!allowed.some((re) => re.test(name))) problems.push(`${name}: not an expected file of the extension (add it to scripts/check-vsix.mjs if it really ships)`);
  }

  const read = (name) => (entries.has(name) ? readEntry(zip, entries.get(name)).toString('utf8') : undefined);
  const manifest = JSON.parse(read('extension/package.json') ?? '{}');
  const must = ['extension/package.json', 'extension/server/out/server.js'];
  if (manifest.main) must.push(`extension/${manifest.main.replace(/^\.\//, '')}${manifest.main.endsWith('.js') ? '' : '.js'}`);
  else problems.push('package.json has no "main": the extension would not activate');
  if (manifest.icon) must.push(`extension/${manifest.icon}`);
  for (const m of must) if (!entries.has(m)) problems.push(`${m}: missing`);

  // README images render from the package (we do not rewrite links to a repository): each must be in it, and
  // docs images nobody shows are dead weight.
  const readme = read('extension/readme.md') ?? read('extension/README.md') ?? '';
  const shown = new Set([...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map(([, src]) => `extension/${src.replace(/^\.\//, '')}`));
  for (const src of shown) if (!/^extension\/https?:/.test(src) && !entries.has(src)) problems.push(`${src}: README.md shows it but it is not packaged`);
  for (const name of names) if (name.startsWith('extension/docs/images/') && !shown.has(name)) problems.push(`${name}: packaged but README.md does not show it`);

  // Bundles may require only Node builtins and 'vscode' (provided by VS Code).
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  for (const name of names.filter((n) => n.endsWith('.js'))) {
    for (const [, spec] of (read(name) ?? '').matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
      if (spec !== 'vscode' && !builtins.has(spec) && !builtins.has(spec.split('/')[0])) {
        problems.push(`${name}: requires "${spec}", which is not bundled and not shipped (--no-dependencies)`);
      }
    }
  }
  return { files, problems: [...new Set(problems)] };
}

// CLI: list the files, then fail on any problem.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const vsixPath = process.argv[2] ?? `${pkg.name}-${pkg.version}.vsix`;
  const zip = readFileSync(vsixPath);
  const { files, problems } = checkVsix(zip);
  console.log(`${vsixPath}:`);
  for (const f of files) console.log(`  ${String(f.size).padStart(9)}  ${f.name}`);
  const total = files.reduce((sum, f) => sum + f.size, 0);
  console.log(`  ${files.length} files, ${(total / 1024).toFixed(0)} KiB unpacked, ${(zip.length / 1024).toFixed(0)} KiB packed`);
  if (problems.length) {
    console.error(`\nFAIL: ${problems.length} problem(s) in ${vsixPath}:`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log('PASS: the .vsix holds only the bundled extension, server, manifest and assets');
}
