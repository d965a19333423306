/**
 * Bad files: a report that is not UTF-8 gets one clear finding naming the encoding it looks like (CLI and
 * server); the folder walk follows links without looping, and reports unreadable entries without stopping.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { main } from '../server/src/cli';
import { decodeReport, guessEncoding } from '../server/src/fileText';
import { createLanguageService } from '../server/src/languageService/languageService';
import { WorkspaceReports } from '../server/src/languageService/workspaceReports';
import { findReportFiles, type WalkFs } from '../server/src/reportFiles';
import * as nodeFs from 'node:fs';
import { CLEAN, ROOT, TODAY, sample } from './helpers/samples';
import { tempDir } from './helpers/tmp';

const gbk = readFileSync(join(ROOT, 'test', 'fixtures', 'gbk-zhangying-2024.xxgk.yaml'));
const big5 = readFileSync(join(ROOT, 'test', 'fixtures', 'big5-report.xxgk.yaml'));

async function run(cwd: string, ...argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), cwd, env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('encodings', () => {
  it('names what non-UTF-8 bytes look like', () => {
    expect(decodeReport(Buffer.from(sample(CLEAN))).notUtf8).toBeUndefined();
    expect(decodeReport(Buffer.from(`\ufeff${sample(CLEAN)}`)).notUtf8).toBeUndefined();
    expect(decodeReport(gbk).notUtf8).toEqual({ encoding: 'GBK' });
    expect(guessEncoding(big5)).toBe('Big5');
    expect(guessEncoding(Buffer.from(sample(CLEAN), 'utf16le'))).toBe('UTF-16LE');
    expect(guessEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('格式: 2021', 'utf16le')]))).toBe('UTF-16LE');
    expect(guessEncoding(Buffer.from([0x80, 0x81, 0xfe, 0xff, 0x80]))).toBeUndefined();
  });

  it('xxgk check: one FILE-ENCODING error for a GBK report, not a cascade of missing parts', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'gbk.xxgk.yaml'), gbk);
    const r = await run(dir, 'check', 'gbk.xxgk.yaml', '--format', 'json');
    const json = JSON.parse(r.out);
    expect(json.files[0].findings.map((f: { rule: string }) => f.rule)).toEqual(['FILE-ENCODING']);
    expect(json.files[0].findings[0].message).toContain('看起来是 GBK');
    expect(r.code).toBe(1);
    // The same text as UTF-8 is clean.
    writeFileSync(join(dir, 'gbk.xxgk.yaml'), sample(CLEAN));
    expect((await run(dir, 'check', 'gbk.xxgk.yaml')).code).toBe(0);
  });

  it('the language server: an editor text full of U+FFFD over a GBK file gets the same one finding', () => {
    const dir = tempDir();
    const file = join(dir, 'a.xxgk.yaml');
    writeFileSync(file, gbk);
    const reports = new WorkspaceReports({ get: () => undefined });
    const service = createLanguageService({ today: TODAY, fileEncoding: reports.fileEncoding, findPrevious: reports.findPrevious });
    const garbled = new TextDecoder('utf-8').decode(gbk); // what the editor shows when it reads GBK as UTF-8
    const doc = TextDocument.create(pathToFileURL(file).toString(), 'xxgk', 1, garbled);
    const diagnostics = service.getDiagnostics(doc);
    expect(diagnostics.map((d) => d.code)).toEqual(['FILE-ENCODING']);
    expect(diagnostics[0].range.start).toEqual({ line: 0, character: 0 });
    // A UTF-8 file that really contains U+FFFD is checked as usual.
    const utf8 = join(dir, 'b.xxgk.yaml');
    const text = sample(CLEAN).replace('张营乡党政办公室', '张营乡党政办公室\ufffd');
    writeFileSync(utf8, text);
    const codes = service.getDiagnostics(TextDocument.create(pathToFileURL(utf8).toString(), 'xxgk', 1, text)).map((d) => d.code);
    expect(codes).not.toContain('FILE-ENCODING');
  });
});

describe('the folder walk', () => {
  function tree() {
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', 'one.xxgk.yaml'), sample(CLEAN));
    writeFileSync(join(dir, 'b', 'two.xxgk.yaml'), sample(CLEAN));
    symlinkSync('..', join(dir, 'a', 'up')); // a link to its parent: the loop that killed `xxgk check` with ELOOP
    symlinkSync(join(dir, 'b'), join(dir, 'a', 'b-again')); // a second way to b
    symlinkSync('three.xxgk.yaml', join(dir, 'a', 'four.xxgk.yaml')); // links that point at each other
    symlinkSync('four.xxgk.yaml', join(dir, 'a', 'three.xxgk.yaml'));
    symlinkSync('gone', join(dir, 'a', 'gone.xxgk.yaml')); // a broken link
    return dir;
  }

  it('follows links once, never into a loop, and reports what cannot be read without stopping', () => {
    const dir = tree();
    const { files, problems } = findReportFiles(['.'], dir);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['a/b-again/two.xxgk.yaml', 'a/one.xxgk.yaml']);
    expect(problems.map((p) => [p.path.slice(dir.length + 1), p.message.key])).toEqual([
      ['a/four.xxgk.yaml', 'file.linkLoop'], ['a/gone.xxgk.yaml', 'file.brokenLink'], ['a/three.xxgk.yaml', 'file.linkLoop'],
    ]);
  });

  it('an unreadable folder is a problem, and the walk goes on', () => {
    const dir = tree();
    // As root every folder is readable: the refusal is put in through the walk's file system calls.
    const fs: WalkFs = {
      ...nodeFs,
      readdirSync: ((p: string) => {
        if (p.endsWith(`${'/'}a`)) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return nodeFs.readdirSync(p);
      }) as WalkFs['readdirSync'],
    };
    const { files, problems } = findReportFiles(['.'], dir, fs);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['b/two.xxgk.yaml']);
    expect(problems.map((p) => [p.path.slice(dir.length + 1), p.message.key])).toEqual([['a', 'file.noPermission']]);
  });

  it('xxgk check on the folder: every report once, the problems as FILE-UNREADABLE errors, no crash', async () => {
    const dir = tree();
    const r = await run(dir, 'check', '.');
    expect(r.err).toBe('');
    expect(r.out.split('\n').filter((l) => l.includes('FILE-UNREADABLE'))).toEqual([
      'a/four.xxgk.yaml:1:1 error FILE-UNREADABLE 这是循环的符号链接，已跳过（ELOOP）。',
      'a/gone.xxgk.yaml:1:1 error FILE-UNREADABLE 这个符号链接指向的文件不存在，已跳过（ENOENT）。',
      'a/three.xxgk.yaml:1:1 error FILE-UNREADABLE 这是循环的符号链接，已跳过（ELOOP）。',
    ]);
    expect(r.out).toContain('共检查 5 个文件：3 个错误');
    expect(r.code).toBe(1);
  });
});

describe('render and new refuse a report that is not UTF-8', () => {
  it('with the same words as FILE-ENCODING, exit 2, nothing written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'gbk.xxgk.yaml'), gbk);
    const rendered = await run(dir, 'render', 'gbk.xxgk.yaml', '-o', 'out.html');
    expect(rendered.code).toBe(2);
    expect(rendered.err).toContain('看起来是 GBK');
    const rolled = await run(dir, 'new', '--from', 'gbk.xxgk.yaml', '-o', 'next.xxgk.yaml');
    expect(rolled.code).toBe(2);
    expect(rolled.err).toContain('看起来是 GBK');
    expect(nodeFs.existsSync(join(dir, 'out.html')) || nodeFs.existsSync(join(dir, 'next.xxgk.yaml'))).toBe(false);
  });
});
