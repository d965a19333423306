// The .vsix content check (scripts/check-vsix.mjs, run by `npm run package`) must reject what may not ship.
// The zips here are built in memory; the real package is checked by `npm run package` itself.
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkVsix } from '../scripts/check-vsix.mjs';

/** A minimal zip writer (stored or deflated entries), enough for the checker's reader. */
function zip(files: Record<string, string>, deflate = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const raw = Buffer.from(text, 'utf8');
    const data = deflate ? deflateRawSync(raw) : raw;
    const nameBuf = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const manifest = JSON.stringify({ name: 'xxgk-report', main: './client/out/extension.js', icon: 'media/icon.png' });
const good: Record<string, string> = {
  '[Content_Types].xml': '<Types/>',
  'extension.vsixmanifest': '<PackageManifest/>',
  'extension/package.json': manifest,
  'extension/package.nls.zh-cn.json': '{}',
  'extension/readme.md': '# xxgk',
  'extension/LICENSE.txt': 'MIT',
  'extension/media/icon.png': 'png',
  'extension/client/out/extension.js': 'const vscode = require("vscode"); const path = require("path"); require("node:fs");',
  'extension/server/out/server.js': 'require("child_process");',
};

describe('check-vsix', () => {
  it('accepts the bundled extension, stored or deflated', () => {
    expect(checkVsix(zip(good)).problems).toEqual([]);
    const { files, problems } = checkVsix(zip(good, true));
    expect(problems).toEqual([]);
    expect(files.map((f) => f.name)).toContain('extension/server/out/server.js');
  });

  it.each([
    ['extension/client/src/extension.ts', 'TypeScript source'],
    ['extension/server/out/server.js.map', 'source map'],
    ['extension/node_modules/yaml/dist/index.js', 'node_modules'],
    ['extension/test/rules.test.ts', 'TypeScript source'],
    ['extension/test/fixtures/seed.txt', 'test'],
    ['extension/.ci/run', 'dotfile'],
    ['extension/scripts/build.mjs', 'build/CI script'],
    ['extension/tsconfig.json', 'not an expected file'],
  ])('rejects %s', (name, why) => {
    const { problems } = checkVsix(zip({ ...good, [name]: 'x' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
    expect(problems[0]).toContain(why);
  });

  it('rejects a bundle that requires an unbundled package', () => {
    const { problems } = checkVsix(zip({ ...good, 'extension/server/out/server.js': 'require("vscode-languageserver/node")' }, true));
    expect(problems).toEqual([expect.stringContaining('requires "vscode-languageserver/node"')]);
  });

  it('rejects a manifest whose main, server or icon is missing', () => {
    const noMain = checkVsix(zip({ ...good, 'extension/package.json': JSON.stringify({ name: 'x' }) })).problems;
    expect(noMain).toEqual([expect.stringContaining('no "main"')]);
    const { 'extension/server/out/server.js': _server, 'extension/media/icon.png': _icon, ...rest } = good;
    expect(checkVsix(zip(rest)).problems.sort()).toEqual(['extension/media/icon.png: missing', 'extension/server/out/server.js: missing']);
  });

  it('ships exactly the images README.md shows', () => {
    const readme = '# xxgk\n![问题](docs/images/a.png)\n![预览](./docs/images/b.png)\n';
    const withImages = { ...good, 'extension/readme.md': readme, 'extension/docs/images/a.png': 'png', 'extension/docs/images/b.png': 'png' };
    expect(checkVsix(zip(withImages)).problems).toEqual([]);
    const { 'extension/docs/images/b.png': _b, ...missing } = withImages;
    expect(checkVsix(zip(missing)).problems).toEqual(['extension/docs/images/b.png: README.md shows it but it is not packaged']);
    const stray = { ...withImages, 'extension/docs/images/c.png': 'png' };
    expect(checkVsix(zip(stray)).problems).toEqual(['extension/docs/images/c.png: packaged but README.md does not show it']);
  });

  it('says so when the file is not a zip', () => {
    expect(() => checkVsix(Buffer.from('not a zip at all, just some text'))).toThrow(/not a zip/);
  });
});
