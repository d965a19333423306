// What scripts/build.mjs does to the bundles beyond bundling. `npm test` builds them first (build.mjs --check).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const BUNDLES = ['server/out/server.js', 'server/out/cli.js', 'server/out/reviewWorker.js'];

describe('bundles', () => {
  // yaml reads its debug switches from process.env once per token; each read calls into C++ (see build.mjs).
  it.each(BUNDLES)('%s never reads yaml’s debug switches from the environment', (bundle) => {
    const code = readFileSync(join(ROOT, bundle), 'utf8');
    expect(code).toContain('Not a YAML token'); // yaml's parser is in this bundle
    expect(code).not.toMatch(/LOG_TOKENS|LOG_STREAM/);
  });

  it('yaml still has the switches the build turns off (else the build plugin is dead code: remove it)', () => {
    const dist = join(createRequire(__filename).resolve('yaml'), '..');
    const switches = ['parse/parser.js', 'compose/composer.js']
      .map((f) => readFileSync(join(dist, f), 'utf8').match(/\bnode_process\.env\.(LOG_TOKENS|LOG_STREAM)\b/)?.[1]);
    expect(switches).toEqual(['LOG_TOKENS', 'LOG_STREAM']);
  });
});
