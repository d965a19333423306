/** The command line: output format, exit codes, JSON, render. Runs `main` in-process with captured output. */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/tmp';
import { main } from '../server/src/cli';
import { renderDocument } from '../server/src/render/html';
import { parseReport } from '../server/src/model/model';
import { CLEAN, ROOT, SEED, sample } from './helpers/samples';

async function run(...argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), cwd: ROOT, env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('xxgk check', () => {
  it('prints file:line:col severity rule-id message and exits 1 on errors', async () => {
    const r = await run('check', `samples/${SEED}`);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`samples/${SEED}:9:7 error DATE-BEFORE-PERIOD-END 落款日期2023年1月22日早于统计期间结束`);
    expect(r.out.split('\n').every((l) => /^samples\/\S+:\d+:\d+ (error|warning|info) [A-Z0-9-]+ .+$/.test(l) || l.startsWith('共检查'))).toBe(true);
  });

  it('exits 0 on a clean report', async () => {
    const r = await run('check', `samples/${CLEAN}`);
    expect(r.code).toBe(0);
    expect(r.out).toBe('共检查 1 个文件：0 个错误，0 个警告，0 个提示。');
  });

  it('walks folders for *.xxgk.yaml', async () => {
    const r = await run('check', 'samples', '--format', 'json');
    const json = JSON.parse(r.out);
    expect(json.files.map((f: { file: string }) => f.file)).toEqual([
      'samples/clean-zhangying-2024.xxgk.yaml', 'samples/county-dept-2023.xxgk.yaml', 'samples/county-dept-2024-mistakes.xxgk.yaml',
      'samples/county-dept-2024.xxgk.yaml', 'samples/seed-zhangying-2023.xxgk.yaml',
    ]);
    expect(json.summary.files).toBe(5);
    const first = json.files[4].findings[0];
    expect(first).toMatchObject({ line: 9, column: 7, severity: 'error', rule: 'DATE-BEFORE-PERIOD-END' });
    expect(r.code).toBe(1);
  });

  it('speaks English on request', async () => {
    const r = await run('check', `samples/${SEED}`, '--lang', 'en');
    expect(r.out).toContain('is before the reporting period ended');
  });

  it('explains bad usage and exits 2', async () => {
    expect((await run('check')).code).toBe(2);
    expect((await run('check', 'no-such-dir')).err).toContain('找不到“no-such-dir”');
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('check', 'samples', '--format', 'xml')).code).toBe(2);
  });
});

describe('xxgk render', () => {
  it('writes the same HTML as the renderer, and never overwrites without --force', async () => {
    const dir = tempDir('xxgk-');
    const out = join(dir, 'out.html');
    expect((await run('render', `samples/${CLEAN}`, '-o', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(renderDocument(parseReport(sample(CLEAN))));
    writeFileSync(out, 'mine');
    const again = await run('render', `samples/${CLEAN}`, '-o', out);
    expect(again.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect((await run('render', `samples/${CLEAN}`, '-o', out, '--force')).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<!DOCTYPE html>');
    expect(existsSync(out)).toBe(true);
  });
});
