/**
 * @vscode/test-electron suite: runs inside a real VS Code (desktop) with the extension loaded.
 * Started by test/vscode/run.mjs; exports `run()` as the test host expects.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';

const ROOT = join(__dirname, '..', '..', '..');

function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const v = probe();
      if (v) return resolve(v);
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 50);
    };
    tick();
  });
}

const tests: [string, () => Promise<void>][] = [];
const test = (name: string, fn: () => Promise<void>) => tests.push([name, fn]);

const dir = mkdtempSync(join(tmpdir(), 'xxgk-vscode-'));
const seed = join(dir, 'seed.xxgk.yaml');
copyFileSync(join(ROOT, 'samples', 'seed-zhangying-2023.xxgk.yaml'), seed);

test('activates on a report and shows the core diagnostics', async () => {
  const doc = await vscode.workspace.openTextDocument(seed);
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'xxgk');
  const diags = await waitFor('diagnostics', () => {
    const d = vscode.languages.getDiagnostics(doc.uri);
    return d.length ? d : undefined;
  });
  const codes = new Set(diags.map((d) => String(d.code)));
  for (const c of ['DATE-BEFORE-PERIOD-END', 'STR-PARTS', 'T3-SHAPE', 'FEE-SHAPE', 'TXT-DOUBLED']) assert.ok(codes.has(c), c);
});

test('registers its commands', async () => {
  const all = await vscode.commands.getCommands(true);
  for (const c of ['xxgk.showPreview', 'xxgk.showPreviewToSide', 'xxgk.exportHtml', 'xxgk.showSource']) assert.ok(all.includes(c), c);
});

test('opens the preview to the side', async () => {
  await vscode.commands.executeCommand('xxgk.showPreviewToSide');
  await waitFor('preview tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('xxgk.preview')));
});

test('exports the HTML file that xxgk render writes', async () => {
  const target = vscode.Uri.file(join(dir, 'seed.html'));
  await vscode.commands.executeCommand('xxgk.exportHtml', vscode.Uri.file(seed), target);
  const written = readFileSync(target.fsPath, 'utf8');
  assert.match(written, /^<!DOCTYPE html>/);
  assert.ok(written.includes('id="table-t3"'));
});

export async function run(): Promise<void> {
  const failures: string[] = [];
  for (const [name, fn] of tests) {
    try {
      await fn();
      console.log(`  ✓ ${name}`);
    } catch (e) {
      failures.push(name);
      console.log(`  ✗ ${name}\n    ${(e as Error).stack}`);
    }
  }
  console.log(`${tests.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length) throw new Error(`${failures.length} test(s) failed`);
}
