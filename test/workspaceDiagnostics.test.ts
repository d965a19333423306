/**
 * Workspace diagnostics in process: the language service and WorkspaceReports as the server wires them, a temp
 * workspace folder, and a host that records what would be published.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileChangeType } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../server/src/languageService/languageService';
import { WorkspaceDiagnostics, type WorkspaceDiagnosticsOptions } from '../server/src/languageService/workspaceDiagnostics';
import { WorkspaceReports } from '../server/src/languageService/workspaceReports';
import { generateReport } from '../bench/generate';
import { COUNTY, COUNTY_2023, ROOT, SEED, TODAY, edit, sample } from './helpers/samples';
import { tempDir } from './helpers/tmp';

const uriOf = (path: string) => pathToFileURL(path).toString();
const codes = (ds: Diagnostic[] | undefined) => (ds ?? []).map((d) => String(d.code));

/** A workspace as the server has it: open documents, the service, the reports' cross-year index, and what was published. */
function setUp(options: WorkspaceDiagnosticsOptions = {}) {
  const open = new Map<string, TextDocument>();
  const reports = new WorkspaceReports({ get: (uri) => open.get(uri)?.getText() });
  const service = createLanguageService({
    today: TODAY, findPrevious: reports.findPrevious, folderDeadlines: reports.folderDeadlines, fileEncoding: reports.fileEncoding,
  });
  const published = new Map<string, Diagnostic[]>();
  const log: string[] = [];
  let publishCount = 0;
  const workspace = new WorkspaceDiagnostics({
    check: (uri, text, notUtf8) => service.getFileDiagnostics(uri, text, notUtf8),
    publish: (uri, diagnostics) => { published.set(uri, diagnostics); publishCount++; },
    openUris: () => [...open.keys()],
    dependents: (uri) => reports.dependents(uri),
    forget: (uri) => reports.closed(uri),
    problem: (path, message) => log.push(`${path}: ${message.key}`),
    log: (text) => log.push(text),
  }, options);
  /** What an editor does on a change on disk: forget cached files, then tell the workspace. */
  const changed = (path: string, type: FileChangeType) => {
    reports.changed();
    service.forgetAll();
    workspace.filesChanged([{ uri: uriOf(path), type }]);
  };
  return { open, reports, service, workspace, published, log, changed, publishes: () => publishCount };
}

/** A workspace folder: the seed, last year's and this year's county report, a GBK report, and places not looked in. */
function makeFolder(): string {
  const dir = tempDir('xxgk-ws-');
  copyFileSync(join(ROOT, 'samples', SEED), join(dir, SEED));
  mkdirSync(join(dir, 'county'));
  copyFileSync(join(ROOT, 'samples', COUNTY_2023), join(dir, 'county', COUNTY_2023));
  copyFileSync(join(ROOT, 'samples', COUNTY), join(dir, 'county', COUNTY));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'gbk-zhangying-2024.xxgk.yaml'), join(dir, 'gbk.xxgk.yaml'));
  for (const hidden of ['node_modules', '.git']) {
    mkdirSync(join(dir, hidden));
    copyFileSync(join(ROOT, 'samples', SEED), join(dir, hidden, SEED));
  }
  return dir;
}

describe('workspace diagnostics', () => {
  it('publishes every report in the folders, as opening it would, with cross-year checks and FILE-ENCODING', async () => {
    const dir = makeFolder();
    const ws = setUp();
    ws.workspace.configure({ enabled: true, folders: [dir] });
    await ws.workspace.idle();
    const seedUri = uriOf(join(dir, SEED));
    expect([...ws.published.keys()].sort()).toEqual([
      uriOf(join(dir, 'county', COUNTY_2023)), uriOf(join(dir, 'county', COUNTY)), uriOf(join(dir, 'gbk.xxgk.yaml')), seedUri,
    ].sort());
    // The same diagnostics as the document opened in an editor.
    const seedDoc = TextDocument.create(seedUri, 'xxgk', 1, sample(SEED));
    expect(ws.published.get(seedUri)).toEqual(ws.service.getDiagnostics(seedDoc));
    expect(codes(ws.published.get(seedUri))).toContain('DATE-BEFORE-PERIOD-END');
    expect(codes(ws.published.get(uriOf(join(dir, 'gbk.xxgk.yaml'))))).toEqual(['FILE-ENCODING']);
    expect(ws.published.get(uriOf(join(dir, 'county', COUNTY)))).toEqual([]);
    expect(ws.reports.dependents(uriOf(join(dir, 'county', COUNTY_2023)))).toEqual([uriOf(join(dir, 'county', COUNTY))]);
  });

  it('re-checks a changed file and the reports that take it as last year’s; clears a deleted one', async () => {
    const dir = makeFolder();
    const ws = setUp();
    ws.workspace.configure({ enabled: true, folders: [dir] });
    await ws.workspace.idle();
    const last = join(dir, 'county', COUNTY_2023);
    const current = uriOf(join(dir, 'county', COUNTY));
    // Last year's 结转下年度 changes on disk: this year's 上年结转 no longer matches (this file did not change).
    writeFileSync(last, edit(edit(sample(COUNTY_2023), '  结转下年度继续办理:         [11, 2, 0, 0, 1, 0, 14]',
      '  结转下年度继续办理:         [10, 2, 0, 0, 1, 0, 13]'), '  上年结转:          [9, 1, 0, 0, 0, 0, 10]', '  上年结转:          [8, 1, 0, 0, 0, 0, 9]'));
    ws.changed(last, FileChangeType.Changed);
    await ws.workspace.idle();
    expect(codes(ws.published.get(current))).toEqual(['T3-CARRY-OVER']);
    // Last year's report deleted: this year's has nothing to compare with, and last year's problems go.
    rmSync(last);
    ws.changed(last, FileChangeType.Deleted);
    await ws.workspace.idle();
    expect(ws.published.get(uriOf(last))).toEqual([]);
    expect(ws.published.get(current)).toEqual([]);
    expect(ws.workspace.uris()).not.toContain(uriOf(last));
    // Created again: it is found as last year's report of this year's once more.
    writeFileSync(last, sample(COUNTY_2023).replace('[11, 2, 0, 0, 1, 0, 14]', '[12, 2, 0, 0, 1, 0, 15]'));
    ws.changed(last, FileChangeType.Created);
    await ws.workspace.idle();
    expect(codes(ws.published.get(current))).toContain('T3-CARRY-OVER');
  });

  it('a folder deleted on disk takes its reports’ problems with it; a new report is checked', async () => {
    const dir = makeFolder();
    const ws = setUp();
    ws.workspace.configure({ enabled: true, folders: [dir] });
    await ws.workspace.idle();
    rmSync(join(dir, 'county'), { recursive: true });
    ws.changed(join(dir, 'county'), FileChangeType.Deleted);
    await ws.workspace.idle();
    expect(ws.published.get(uriOf(join(dir, 'county', COUNTY)))).toEqual([]);
    expect(ws.published.get(uriOf(join(dir, 'county', COUNTY_2023)))).toEqual([]);
    const added = join(dir, 'new.xxgk.yaml');
    writeFileSync(added, '机关: 某局\n');
    ws.changed(added, FileChangeType.Created);
    await ws.workspace.idle();
    expect(codes(ws.published.get(uriOf(added)))).toContain('STR-PARTS');
    // Outside the folders, or in a folder the walk does not look in: not ours.
    ws.changed(join(dir, 'node_modules', SEED), FileChangeType.Changed);
    ws.changed(join(tempDir(), SEED), FileChangeType.Created);
    await ws.workspace.idle();
    expect(ws.published.has(uriOf(join(dir, 'node_modules', SEED)))).toBe(false);
  });

  it('leaves open documents to the editor; a closed one gets its problems on disk back', async () => {
    const dir = makeFolder();
    const ws = setUp();
    const seedUri = uriOf(join(dir, SEED));
    ws.open.set(seedUri, TextDocument.create(seedUri, 'xxgk', 1, 'not what is on disk'));
    ws.workspace.configure({ enabled: true, folders: [dir] });
    await ws.workspace.idle();
    expect(ws.published.has(seedUri)).toBe(false);
    // A change on disk while it is open: still the editor's.
    ws.changed(join(dir, SEED), FileChangeType.Changed);
    await ws.workspace.idle();
    expect(ws.published.has(seedUri)).toBe(false);
    ws.open.delete(seedUri);
    expect(ws.workspace.closed(seedUri)).toBe(true);
    await ws.workspace.idle();
    expect(codes(ws.published.get(seedUri))).toContain('DATE-BEFORE-PERIOD-END');
    // Deleted on disk while open, then closed: what the editor showed is cleared.
    const gone = join(dir, 'county', COUNTY);
    const goneUri = uriOf(gone);
    ws.open.set(goneUri, TextDocument.create(goneUri, 'xxgk', 1, sample(COUNTY)));
    rmSync(gone);
    ws.changed(gone, FileChangeType.Deleted);
    await ws.workspace.idle();
    ws.published.set(goneUri, [{ message: 'live', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
    ws.open.delete(goneUri);
    expect(ws.workspace.closed(goneUri)).toBe(true);
    await ws.workspace.idle();
    expect(ws.published.get(goneUri)).toEqual([]);
    // Not in the workspace, or not a file: the caller clears it.
    expect(ws.workspace.closed(uriOf(join(tempDir(), SEED)))).toBe(false);
    expect(ws.workspace.closed('untitled:Untitled-1')).toBe(false);
  });

  it('the setting off clears what was published (not an open document’s); on again, checks again', async () => {
    const dir = makeFolder();
    const ws = setUp();
    ws.workspace.configure({ enabled: true, folders: [dir] });
    await ws.workspace.idle();
    const seedUri = uriOf(join(dir, SEED));
    const openUri = uriOf(join(dir, 'gbk.xxgk.yaml'));
    ws.open.set(openUri, TextDocument.create(openUri, 'xxgk', 1, ''));
    ws.published.set(openUri, [{ message: 'live', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
    ws.workspace.configure({ enabled: false, folders: [dir] });
    await ws.workspace.idle();
    expect(ws.published.get(seedUri)).toEqual([]);
    expect(ws.published.get(openUri)![0].message).toBe('live');
    expect(ws.workspace.uris()).toEqual([]);
    ws.changed(join(dir, SEED), FileChangeType.Changed);
    expect(ws.workspace.closed(seedUri)).toBe(false);
    await ws.workspace.idle();
    expect(ws.published.get(seedUri)).toEqual([]);
    ws.workspace.configure({ enabled: true, folders: [dir] });
    await ws.workspace.idle();
    expect(codes(ws.published.get(seedUri))).toContain('DATE-BEFORE-PERIOD-END');
  });

  it('a deadline setting changed re-checks every file; the same settings again do nothing', async () => {
    const dir = makeFolder();
    const ws = setUp();
    ws.workspace.configure({ enabled: true, folders: [dir], settingsKey: 'a' });
    await ws.workspace.idle();
    const after = ws.publishes();
    ws.workspace.configure({ enabled: true, folders: [dir], settingsKey: 'a' });
    await ws.workspace.idle();
    expect(ws.publishes()).toBe(after);
    ws.workspace.configure({ enabled: true, folders: [dir], settingsKey: 'b' });
    await ws.workspace.idle();
    expect(ws.publishes()).toBe(after + 4);
  });

  it('skips a file it cannot read, and says so, without stopping', async () => {
    const dir = makeFolder();
    const locked = join(dir, 'locked.xxgk.yaml');
    writeFileSync(locked, sample(SEED));
    // As root every file is readable: the read itself refuses, as it would for a clerk without permission.
    const ws = setUp({
      readFile: async (path) => {
        if (path === locked) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return readFileSync(path);
      },
    });
    ws.workspace.configure({ enabled: true, folders: [dir] });
    await ws.workspace.idle();
    expect(ws.published.has(uriOf(locked))).toBe(false);
    expect(ws.log).toEqual([`${locked}: file.noPermission`]);
    expect(codes(ws.published.get(uriOf(join(dir, SEED))))).toContain('DATE-BEFORE-PERIOD-END');
  });
});

describe('a workspace of many reports', () => {
  function manyReports(count: number): string {
    const dir = tempDir('xxgk-many-');
    for (let i = 0; i < count; i++) writeFileSync(join(dir, `r${String(i).padStart(4, '0')}.xxgk.yaml`), generateReport(i));
    return dir;
  }

  it('gives the event loop back between slices while it checks, so the server keeps answering', async () => {
    const dir = manyReports(120);
    const ws = setUp({ sliceMs: 5, batch: 8 });
    ws.workspace.configure({ enabled: true, folders: [dir] });
    // Turns of the event loop during the scan: each is a moment a keystroke or request could be handled.
    let turns = 0;
    let scanning = true;
    const tick = () => { turns++; if (scanning) setImmediate(tick); };
    setImmediate(tick);
    await ws.workspace.idle();
    scanning = false;
    expect(ws.published.size).toBe(120);
    expect([...ws.published.values()].every((ds) => ds.length === 0)).toBe(true); // generated reports are valid
    expect(turns).toBeGreaterThan(120 / 8);
  });

  it('a new scan cancels the running one: turned off mid-scan, nothing more is published', async () => {
    const dir = manyReports(80);
    const ws = setUp({ sliceMs: 1, batch: 4 });
    ws.workspace.configure({ enabled: true, folders: [dir] });
    await new Promise<void>((resolve) => {
      const poll = () => (ws.published.size >= 8 ? resolve() : setImmediate(poll));
      poll();
    });
    ws.workspace.configure({ enabled: false, folders: [dir] });
    const cleared = ws.publishes();
    await ws.workspace.idle();
    await new Promise((resolve) => setImmediate(resolve));
    expect(ws.publishes()).toBe(cleared);
    expect([...ws.published.values()].every((ds) => ds.length === 0)).toBe(true);
    expect(ws.published.size).toBeLessThan(80);
  });
});
