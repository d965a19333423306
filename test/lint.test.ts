/**
 * The layering rules of eslint.config.mjs, each shown failing on a deliberate violation (and the real code
 * passing them is `npm run lint`, part of `npm test`). Files are linted as if they stood at the given path.
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
