/**
 * No data loss on export: writeFileAtomic leaves the old file intact and no temporary file behind when a
 * write fails at any step, and never replaces a file unless asked; `xxgk render` keeps refusing to
 * overwrite without --force.
 */
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../server/src/cli';
import { writeFileAtomic } from '../server/src/fsutil';
import { CLEAN, ROOT } from './helpers/samples';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, writeFileSync: vi.fn(real.writeFileSync), fsyncSync: vi.fn(real.fsyncSync), renameSync: vi.fn(real.renameSync) };
});

afterEach(() => vi.mocked(fs.writeFileSync).mockClear());

const OLD = '旧的导出文件，不能丢。\n';
const NEW = '<!DOCTYPE html>新的内容'.repeat(10_000);

function folderWithOldFile(): { dir: string; target: string } {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-atomic-'));
  const target = join(dir, '报告.html');
  writeFileSync(target, OLD);
  return { dir, target };
}

const entries = (dir: string) => readdirSync(dir).sort();
const failure = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('writeFileAtomic', () => {
  it('replaces the file in one step and leaves nothing else behind', () => {
    const { dir, target } = folderWithOldFile();
    writeFileAtomic(target, NEW);
    expect(readFileSync(target, 'utf8')).toBe(NEW);
    expect(entries(dir)).toEqual(['报告.html']);
  });

  it('a failure in the middle of writing leaves the old file intact and no temporary file', () => {
    const { dir, target } = folderWithOldFile();
    const realWrite = vi.mocked(fs.writeFileSync).getMockImplementation()!;
    vi.mocked(fs.writeFileSync).mockImplementationOnce((fd, data) => {
      realWrite(fd, String(data).slice(0, 1000)); // half written, then the disk is full
      throw failure('ENOSPC');
    });
    expect(() => writeFileAtomic(target, NEW)).toThrow(/ENOSPC/);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(entries(dir)).toEqual(['报告.html']);
  });

  it.each([
    ['flushing to disk', () => vi.mocked(fs.fsyncSync).mockImplementationOnce(() => { throw failure('EIO'); }), /EIO/],
    ['putting the file in place', () => vi.mocked(fs.renameSync).mockImplementationOnce(() => { throw failure('EACCES'); }), /EACCES/],
  ])('a failure while %s leaves the old file intact and no temporary file', (_, inject, error) => {
    const { dir, target } = folderWithOldFile();
    inject();
    expect(() => writeFileAtomic(target, NEW)).toThrow(error);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(entries(dir)).toEqual(['报告.html']);
  });

  it('a target that cannot be replaced (a folder) fails without leaving a temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-atomic-'));
    mkdirSync(join(dir, '报告.html'));
    writeFileSync(join(dir, '报告.html', '里面的文件'), OLD);
    expect(() => writeFileAtomic(join(dir, '报告.html'), NEW)).toThrow();
    expect(entries(dir)).toEqual(['报告.html']);
    expect(readFileSync(join(dir, '报告.html', '里面的文件'), 'utf8')).toBe(OLD);
  });

  it('overwrite: false never replaces an existing file, and still writes a new one', () => {
    const { dir, target } = folderWithOldFile();
    expect(() => writeFileAtomic(target, NEW, { overwrite: false })).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(entries(dir)).toEqual(['报告.html']);
    writeFileAtomic(join(dir, '新.html'), NEW, { overwrite: false });
    expect(readFileSync(join(dir, '新.html'), 'utf8')).toBe(NEW);
    expect(entries(dir)).toEqual(['报告.html', '新.html']);
  });

  it('many writes to one file in a row never collide on a temporary name', () => {
    const { dir, target } = folderWithOldFile();
    for (let i = 0; i < 50; i++) writeFileAtomic(target, `版本 ${i}`);
    expect(readFileSync(target, 'utf8')).toBe('版本 49');
    expect(entries(dir)).toEqual(['报告.html']);
  });
});

describe('xxgk render never overwrites without consent', () => {
  async function render(...args: string[]) {
    const err: string[] = [];
    const code = await main(['render', `samples/${CLEAN}`, ...args], { out: () => undefined, err: (s) => err.push(s), cwd: ROOT, env: {} });
    return { code, err: err.join('\n') };
  }

  it('refuses an existing file without --force, byte for byte untouched, and replaces it with --force', async () => {
    const { dir, target } = folderWithOldFile();
    const before = fs.statSync(target).mtimeMs;
    const r = await render('-o', target);
    expect(r.code).toBe(2);
    expect(r.err).toContain('已存在。如要覆盖，请加 --force');
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(fs.statSync(target).mtimeMs).toBe(before);
    expect(entries(dir)).toEqual(['报告.html']);
    expect((await render('-o', target, '--force')).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('<!DOCTYPE html>');
    expect(entries(dir)).toEqual(['报告.html']);
  });

  it('refuses a file that appears between its check and its write', async () => {
    const { dir } = folderWithOldFile();
    const target = join(dir, '新.html');
    // Someone else creates the file while the HTML is being written to the temporary file.
    const realWrite = vi.mocked(fs.writeFileSync).getMockImplementation()!;
    vi.mocked(fs.writeFileSync).mockImplementationOnce((fd, data) => { realWrite(target, OLD); realWrite(fd, data); });
    const r = await render('-o', target);
    expect(r.code).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(entries(dir)).toEqual(['报告.html', '新.html']);
  });
});
