/**
 * The layering and readability rules of eslint.config.mjs, each shown failing on a deliberate violation (and the
 * real code passing them is `npm run lint`, part of `npm test`). Files are linted as if they stood at the given path.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering (eslint.config.mjs)', () => {
  it('template/ imports nothing but template/', async () => {
    expect(await problems('server/src/template/violation.ts', "import { parseReport } from '../model/model';\nexport const x = parseReport;\n"))
      .toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*template\/ is the statutory template as data/)]);
    expect(await problems('server/src/template/fine.ts', "import { normalizeLabel } from './labels';\nexport const x = normalizeLabel;\n"))
      .toEqual([]);
  });

  it('model/ imports only template/ and model/; rules/ no renderer or importer', async () => {
    expect(await problems('server/src/model/violation.ts', "import { checkText } from '../check';\nexport const x = checkText;\n"))
      .toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*model\//)]);
    expect(await problems('server/src/rules/violation.ts', "import { renderDocument } from '../render/html';\nexport const x = renderDocument;\n"))
      .toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*rules\/ holds rules only/)]);
  });

  it('the core never imports vscode, vscode-languageserver* or vscode-languageclient', async () => {
    for (const pkg of ['vscode', 'vscode-languageserver/node', 'vscode-languageserver-types', 'vscode-languageclient/node']) {
      expect(await problems('server/src/render/violation.ts', `import * as x from '${pkg}';\nexport const y = x;\n`), pkg)
        .toEqual([expect.stringMatching(/^no-restricted-imports: .*The core never speaks LSP/)]);
    }
    // …but the LSP folder may.
    expect(await problems('server/src/languageService/fine.ts', "import * as x from 'vscode-languageserver-types';\nexport const y = x;\n"))
      .toEqual([]);
  });

  it('the core never imports the LSP folder or the server', async () => {
    expect(await problems('server/src/cli-violation.ts', "import { createLanguageService } from './languageService/languageService';\nexport const x = createLanguageService;\n"))
      .toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*Only languageService\/ and server.ts speak LSP/)]);
    expect(await problems('server/src/import/violation.ts', "import { provideHover } from '../languageService/hover';\nexport const x = provideHover;\n"))
      .toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*Only languageService\/ and server.ts speak LSP/)]);
  });

  it('the client imports from server/ only the shared protocol', async () => {
    expect(await problems('client/src/violation.ts', "import { checkText } from '../../server/src/check';\nexport const x = checkText;\n"))
      .toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*shared protocol/)]);
    expect(await problems('client/src/fine.ts', "import { PreviewRequest } from '../../server/src/protocol';\nexport const x = PreviewRequest;\n"))
      .toEqual([]);
  });

  it('no import cycle, type-only imports included', async () => {
    // model/meta.ts imports model/dates.ts: dates.ts importing a type back from meta.ts closes a cycle.
    expect(await problems('server/src/model/dates.ts', "import type { Meta } from './meta';\nexport type M = Meta;\n"))
      .toEqual(['xxgk/no-import-cycle: Import cycle: server/src/model/dates.ts → server/src/model/meta.ts → server/src/model/dates.ts']);
    expect(await problems('server/src/model/dates.ts', "import type { Span } from './findings';\nexport type S = Span;\n"))
      .toEqual([]);
  });
});

describe('readable code (eslint.config.mjs)', () => {
  it('functions are at most 80 lines, blank lines and comments not counted', async () => {
    // `lines` lines of code: the signature, a declaration, `n += …` lines, the return and the closing brace.
    const fn = (lines: number, gaps = '') => [
      'export function f(): number {', `  let n = 0;${gaps}`,
      ...Array.from({ length: lines - 4 }, (_, i) => `  n += ${i};`), '  return n;', '}', '',
    ].join('\n');
    expect(await problems('server/src/model/violation.ts', fn(81)))
      .toEqual(["max-lines-per-function: Function 'f' has too many lines (81). Maximum allowed is 80."]);
    expect(await problems('server/src/model/fine.ts', fn(80, '\n\n  // a comment\n\n  /* another */'))).toEqual([]);
  });

  it('lines are at most 120 characters, long strings excepted', async () => {
    const line = (chars: number) => `export const ${'x'.repeat(chars - 18)} = 1;\n`;
    expect(line(121).length).toBe(121 + 1);
    expect(await problems('client/src/violation.ts', line(121)))
      .toEqual(['max-len: This line has a length of 121. Maximum allowed is 120.']);
    expect(await problems('client/src/fine.ts', line(120))).toEqual([]);
    expect(await problems('client/src/fine.ts', `export const s = '${'报告'.repeat(100)}';\n`)).toEqual([]);
  });

  it('no ternary inside a ternary', async () => {
    expect(await problems('server/src/rules/violation.ts',
      "export const f = (a: number) => (a > 1 ? 'many' : a === 1 ? 'one' : 'none');\n"))
      .toEqual(['no-nested-ternary: Do not nest ternary expressions.']);
    expect(await problems('server/src/rules/fine.ts',
      "export function f(a: number) {\n  if (a > 1) return 'many';\n  return a === 1 ? 'one' : 'none';\n}\n"))
      .toEqual([]);
  });
});
