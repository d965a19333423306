/**
 * The extension tests' entry point (`extensionTestsPath`): VS Code's extension host loads it and calls run() with
 * the real `vscode` API, under code-server (test/vscode/run.ts) and under desktop VS Code (@vscode/test-electron).
 * Runs the mocha suite in test/vscode/suite/, in this order: one workbench, and activation has to come first.
 */
import { join } from 'node:path';
import Mocha from 'mocha';
import { reporterFor, writeResult } from './reporter';
import { GREP_ENV } from './results';

const FILES = ['activation', 'settings', 'languageFeatures', 'commands', 'workspaceDiagnostics'];

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: reporterFor(FILES),
    timeout: 120_000, // a bound on a hung test, not a wait: the tests wait for conditions
    color: false,
    ...(process.env[GREP_ENV] ? { grep: process.env[GREP_ENV] } : {}),
  });
  for (const f of FILES) mocha.addFile(join(__dirname, 'suite', `${f}.js`));
  return new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => (failures ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      writeResult({ event: 'error', message: `the suite could not run: ${err.message}`, stack: err.stack });
      reject(err);
    }
  });
}
