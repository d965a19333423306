// Lint: the layers of the code (which folder may import what), import cycles, and readable code.
// `npm run lint` runs inside `npm test`; test/lint.test.ts shows each rule failing on a deliberate violation.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import noImportCycle from './scripts/eslint/noImportCycle.mjs';

const SRC = './server/src';
/** The core: everything the CLI, the importer and the preview use. Only these speak LSP: */
const LSP_ONLY = ['server/src/languageService/**', 'server/src/server.ts'];
const LSP_PACKAGES = ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-*',
  'vscode-languageclient', 'vscode-languageclient/*'];

/** `folder` may import from server/src only the folders in `allowed` (besides itself). */
function onlyFrom(folder, allowed, why) {
  return {
    target: `${SRC}/${folder}`,
    from: SRC,
    except: [folder, ...allowed].map((f) => `./${f}`),
    message: why,
  };
}

export default tseslint.config(
  { ignores: ['**/out/**', 'node_modules/**', 'media/**', '.scratch/**', '.cache/**', '.test-artifacts/**'] },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    plugins: { 'import-x': importX, xxgk: { rules: { 'no-import-cycle': noImportCycle } } },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
    rules: {
      'xxgk/no-import-cycle': 'error',
      'import-x/no-restricted-paths': ['error', {
        zones: [
          onlyFrom('template', [], 'template/ is the statutory template as data: it imports nothing but template/.'),
          onlyFrom('model', ['template'], 'model/ reads reports against the template: it imports only template/ and model/.'),
          onlyFrom('write', ['template', 'model'], 'write/ writes YAML from the template and the model: no rules, no LSP.'),
          onlyFrom('rules', ['template', 'model', 'write'], 'rules/ holds rules only: they use template/, model/ and write/.'),
          onlyFrom('render', ['template', 'model', 'l10n.ts'], 'render/ draws a model: it uses template/, model/ and l10n.'),
          {
            target: [`${SRC}/!(languageService)/**/*`, `${SRC}/!(server).ts`],
            from: [`${SRC}/languageService`, `${SRC}/server.ts`],
            except: [],
            message: 'Only languageService/ and server.ts speak LSP: the core never imports them.',
          },
          {
            target: './client/src',
            from: './server',
            except: ['./src/protocol.ts'],
            message: 'The client talks to the server through the shared protocol only (server/src/protocol.ts).',
          },
        ],
      }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Readable code: short functions, short lines, no ternary inside a ternary.
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
      'max-len': ['error', {
        code: 120, ignoreUrls: true, ignoreRegExpLiterals: true, ignoreStrings: true, ignoreTemplateLiterals: true,
      }],
      'no-nested-ternary': 'error',
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: LSP_ONLY,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: LSP_PACKAGES, message: 'The core never speaks LSP or VS Code: only languageService/ and server.ts do.' }],
      }],
    },
  },
  {
    // The shared protocol declares the custom requests with vscode-languageserver-protocol's types.
    files: ['server/src/protocol.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: LSP_PACKAGES.filter((p) => p !== 'vscode-languageserver-*'),
          message: 'The protocol uses only vscode-languageserver-protocol, which client and server share.' }],
      }],
    },
  },
);
