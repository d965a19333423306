/**
 * `npm run bench`: how fast the checker is, against the yaml parse it stands on and against
 * yaml-language-server validating the same documents with schemas/xxgk-report.schema.json.
 * A benchmark, not a test: it prints markdown tables (for the README) and judges nothing.
 *
 *   npm run bench                  everything (a few minutes)
 *   npm run bench -- --quick       fewer edits and reports, for a smoke run
 *   npm run bench -- --only floor,cli,render,docx,lsp,memory,workspace,pdf,review
 *   npm run bench -- --only review --review-sizes 1000,10000 --review-mix yaml,mixed   (xxgk review; these are the defaults)
 *
 * In-process times are CPU time of this process (bench/measure.ts), so a busy machine inflates them less;
 * LSP latencies are wall-clock from sending didChange to receiving publishDiagnostics.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type LanguageService as YamlLanguageService } from 'yaml-language-server';
import { checkModel, checkText } from '../server/src/check';
import { IncrementalYaml } from '../server/src/languageService/incremental';
import { main as cli } from '../server/src/cli';
import { importFile } from '../server/src/import';
import { parseReport, parseYaml } from '../server/src/model/model';
import { forgetProseMatches, rememberProseTexts } from '../server/src/model/prose';
import { renderBody, renderDocument } from '../server/src/render/html';
import { renderDocx } from '../server/src/render/docx';
import { realisticEdits, type Edit } from './edits';
import { REVIEW_HEAD, reviewBench } from './review';
import { generateReport } from './generate';
import { startLsp, type LspServer } from './lsp';
import { cpuNow, fmtBytes, fmtMs, median, percentile, table, timeIt, timeItAsync, timePaired } from './measure';

const ROOT = join(__dirname, '..');
const quick = process.argv.includes('--quick');
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? process.argv[onlyArg + 1].split(',') : undefined;
const wants = (section: string) => !only || only.includes(section);

const SCHEMA_PATH = join(ROOT, 'schemas', 'xxgk-report.schema.json');
const SCHEMA_URI = `file://${SCHEMA_PATH}`;
const YAML_LS = join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const OUR_SERVER = join(ROOT, 'server', 'out', 'server.js');

interface Doc { name: string; text: string }

const sample = (f: string) => readFileSync(join(ROOT, 'samples', f), 'utf8');
const DOCS: Doc[] = [
  { name: 'seed sample (seed-zhangying-2023)', text: sample('seed-zhangying-2023.xxgk.yaml') },
  { name: 'large sample (county-dept-2024)', text: sample('county-dept-2024.xxgk.yaml') },
  { name: 'generated ~50 KB', text: generateReport(50, { targetBytes: 50_000 }) },
  { name: 'generated ~1 MB', text: generateReport(1000, { targetBytes: 1_000_000 }) },
];
const size = (d: Doc) => fmtBytes(Buffer.byteLength(d.text));
const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—');

function heading(s: string): void {
  console.log(`\n### ${s}\n`);
}

// ------------------------------------------------------------------------------------------ yaml-language-server in-process

function yamlLanguageService(): YamlLanguageService {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  const ls = getLanguageService({
    schemaRequestService: async (uri: string) => (uri === SCHEMA_URI ? JSON.stringify(schema) : Promise.reject(new Error(`no ${uri}`))),
    workspaceContext: { resolveRelativePath: (relative: string, resource: string) => new URL(relative, resource).toString() },
  });
  ls.configure({ validate: true, completion: false, hover: false, format: false, yamlVersion: '1.2', schemas: [{ uri: SCHEMA_URI, fileMatch: ['*.xxgk.yaml'], schema }] });
  return ls;
}

/** Schema problems yaml-language-server finds in a text: the proof that it validates against our schema. */
async function theirDiagnostics(ls: YamlLanguageService, text: string): Promise<string[]> {
  return (await ls.doValidation(TextDocument.create('file:///bench/probe.xxgk.yaml', 'yaml', 1, text), false)).map((d) => d.message);
}

// ------------------------------------------------------------------------------------------ sections

function floor(): void {
  heading('The floor: yaml parse vs our full check (CPU time, median of paired runs)');
  const rows = DOCS.map((d) => {
    // A cold check: nothing remembered from the previous run of the same text (proseMatches).
    const t = timePaired({ parse: () => parseYaml(d.text), check: () => { forgetProseMatches(); checkText(d.text); } }, { minMs: quick ? 600 : 2500, minRounds: 20, warmMs: 300 });
    const findings = checkText(d.text).findings.length;
    return [d.name, size(d), findings, fmtMs(t.ms.parse), fmtMs(t.ms.check), ratio(t.ratio.check), t.ratio.check <= 1.5 ? 'yes' : 'no'];
  });
  console.log(table(['document', 'size', 'findings', 'yaml parseDocument', 'checkText (parse + model + all rules)', 'check / parse', '≤ 1.5×'], rows));
}

function render(): void {
  heading('Render (CPU time per call)');
  const rows = DOCS.map((d) => {
    const { model, findings } = checkText(d.text);
    return [d.name, size(d), fmtMs(timeIt(() => renderDocument(parseReport(d.text)))), fmtMs(timeIt(() => renderDocument(model))), fmtMs(timeIt(() => renderBody(model, { findings })))];
  });
  console.log(table(['document', 'size', 'export: parse + renderDocument', 'renderDocument', 'preview: renderBody with findings'], rows));
}

/** The Word export: every sample and the generated reports, against the 100 ms target for 50 KB. */
async function docx(): Promise<void> {
  heading('Word export (.docx: build with docx + zip; CPU time per call, target ≤ 100 ms for ~50 KB)');
  const samples = readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.xxgk.yaml')).sort()
    .map((f): Doc => ({ name: `sample ${f.replace(/\.xxgk\.yaml$/, '')}`, text: sample(f) }));
  const rows: string[][] = [];
  for (const d of [...samples, ...DOCS.filter((x) => x.name.startsWith('generated'))]) {
    const model = parseReport(d.text);
    const bytes = (await renderDocx(model)).length;
    const exportMs = await timeItAsync(() => renderDocx(parseReport(d.text)), quick ? { minMs: 200, minCalls: 3, warmCalls: 1 } : undefined);
    const renderMs = await timeItAsync(() => renderDocx(model), quick ? { minMs: 200, minCalls: 3, warmCalls: 1 } : undefined);
    rows.push([d.name, size(d), fmtMs(exportMs), fmtMs(renderMs), fmtBytes(bytes), d.name.includes('50 KB') ? (exportMs <= 100 ? 'yes' : 'no') : '']);
  }
  console.log(table(['document', 'size', 'xxgk render -o x.docx: parse + renderDocx', 'renderDocx', '.docx size', '≤ 100 ms'], rows));
}

/** Importing a 10-page PDF (Chromium-printed, ruled tables across pages): in process, and the real CLI. */
async function pdfImport(): Promise<void> {
  heading('PDF import (10 pages, wall clock)');
  const file = join(ROOT, 'test', 'fixtures', 'pdf', 'generated-5.ten-pages.pdf');
  const loadStart = performance.now();
  await importFile(file); // the first import also loads PDF.js
  const first = performance.now() - loadStart;
  const runs: number[] = [];
  for (let i = 0; i < (quick ? 3 : 10); i++) {
    const t = performance.now();
    await importFile(file);
    runs.push(performance.now() - t);
  }
  const cliRuns: number[] = [];
  for (let i = 0; i < (quick ? 2 : 5); i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'server', 'out', 'cli.js'), 'import', file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`xxgk import failed: ${r.stderr}`);
    cliRuns.push(performance.now() - t);
  }
  console.log(table(['document', 'size', 'first import in process (loads PDF.js)', 'import in process (median)', 'real CLI: node server/out/cli.js import (median)', 'target ≤ 1 s'],
    [['generated-5.ten-pages.pdf (10 pages)', fmtBytes(readFileSync(file).length), fmtMs(first), fmtMs(median(runs)), fmtMs(median(cliRuns)), median(cliRuns) <= 1000 ? 'yes' : 'no']]));
}

async function cliThroughput(): Promise<void> {
  const n = quick ? 500 : 5000;
  heading(`xxgk check over ${n.toLocaleString('en')} generated reports`);
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-'));
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const text = generateReport(i);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `report-${String(i).padStart(5, '0')}.xxgk.yaml`), text);
  }
  const rows: string[][] = [];
  // The real CLI: a new node process, reading the folder, text output (all reports are valid: one summary line).
  const runs: number[] = [];
  for (let k = 0; k < (quick ? 1 : 3); k++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'server', 'out', 'cli.js'), 'check', dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
    runs.push(performance.now() - t0);
    if (r.status !== 0 || !r.stdout.includes(`共检查 ${n} 个文件：0 个错误`)) throw new Error(`xxgk check failed: ${r.stdout.slice(-500)} ${r.stderr}`);
  }
  const wall = median(runs);
  rows.push(['real CLI: `node server/out/cli.js check <folder>` (process start included, wall clock)', fmtMs(wall), `${Math.round(n / (wall / 1000)).toLocaleString('en')}`]);
  // In-process main(): the same work without process start.
  const t0 = performance.now();
  let out = '';
  const code = await cli(['check', dir], { out: (s) => { out += s; }, err: () => undefined, cwd: dir, env: {} });
  const inProcess = performance.now() - t0;
  if (code !== 0 || !out.includes(`共检查 ${n} 个文件`)) throw new Error('in-process check failed');
  rows.push(['in-process `main([\'check\', folder])` (wall clock)', fmtMs(inProcess), `${Math.round(n / (inProcess / 1000)).toLocaleString('en')}`]);
  rmSync(dir, { recursive: true, force: true });
  console.log(`${n.toLocaleString('en')} valid reports, ${fmtBytes(bytes / n)} each on average (${cpus().length} CPUs, ${cpus()[0]?.model ?? ''}):\n`);
  console.log(table(['how', 'time', 'reports/s'], rows));
}

async function review(): Promise<void> {
  const arg = process.argv.indexOf('--review-sizes');
  const sizes = arg >= 0 ? process.argv[arg + 1].split(',').map(Number) : quick ? [200, 1000] : [1000, 10_000];
  heading(`xxgk review over ${sizes.map((n) => n.toLocaleString('en')).join(' and ')} generated reports (real CLI, JSON output)`);
  const mixArg = process.argv.indexOf('--review-mix');
  const rows = await reviewBench(sizes, mixArg >= 0 ? (process.argv[mixArg + 1].split(',') as ('yaml' | 'mixed')[]) : undefined);
  console.log(`${cpus().length} CPUs; other work on the machine shows in the wall clock (see the load average), less in the CPU-second rate.\n`);
  console.log(table(REVIEW_HEAD, rows));
}

interface LatencyResult { p50: number; p95: number; p99: number; mean: number; n: number }

function summary(ms: number[]): LatencyResult {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), mean: s.reduce((a, b) => a + b, 0) / s.length, n: s.length };
}

/**
 * Latency of each edit over LSP, edits sent back to back as fast typing does. `alongside`, if given, gets
 * every 50 edits once their diagnostics arrived (the in-process comparison on the same texts): both sides of
 * a ratio then see the same minutes of a noisy shared machine, and the server stays as warm as in typing.
 */
async function latency(server: LspServer, doc: Doc, count: number, languageId: string, uri: string, alongside?: (batch: Edit[]) => Promise<void>): Promise<LatencyResult> {
  const edits = realisticEdits(doc.text, count, 7);
  await server.open(uri, languageId, doc.text);
  const ms: number[] = [];
  let version = 1;
  for (let i = 0; i < edits.length; i += 50) {
    const batch = edits.slice(i, i + 50);
    for (const e of batch) ms.push((await server.change(uri, ++version, [e.change])).ms);
    if (alongside) await alongside(batch);
  }
  return summary(ms);
}

async function lsp(): Promise<void> {
  const ours = quick ? 100 : 500;
  const theirsLsp = quick ? 10 : 60;
  heading(`Keystroke → diagnostics: ${ours} realistic edits per document over LSP stdio, against yaml-language-server`);
  console.log('Edits: a digit typed into a table cell and deleted, a few characters of prose typed and deleted one by one, a line of prose added and removed.\n');
  const server = await startLsp({ command: process.execPath, args: [OUR_SERVER, '--stdio'], versioned: true, settings: {} });
  const yls = await startLsp({
    command: process.execPath, args: [YAML_LS, '--stdio'], versioned: false,
    settings: { yaml: { validate: true, hover: false, completion: false, format: { enable: false }, schemas: { [SCHEMA_URI]: '*.xxgk.yaml' }, schemaStore: { enable: false } } },
  });
  const ls = yamlLanguageService();
  // Without this the comparison could be against a server that validates nothing.
  const probe = await theirDiagnostics(ls, DOCS[0].text);
  if (!probe.length) throw new Error('yaml-language-server found nothing in the seed sample: the schema is not applied');
  console.log(`yaml-language-server validates with the schema: ${probe.length} problems in the seed sample (e.g. “${probe[0]}”).\n`);
  const rows: string[][] = [];
  let n = 0;
  for (const doc of DOCS) {
    // yaml-language-server's in-process validation of the same texts, in batches between ours (paired in time).
    const theirTimes: number[] = [];
    let theirVersion = 1;
    const ourLsp = await latency(server, doc, ours, 'xxgk', `file:///bench/${++n}/report.xxgk.yaml`, async (batch) => {
      for (const e of batch) {
        const d = TextDocument.create('file:///bench/report.xxgk.yaml', 'yaml', ++theirVersion, e.text);
        const t0 = cpuNow();
        await ls.doValidation(d, false);
        theirTimes.push(cpuNow() - t0);
      }
    });
    const theirs = { median: median(theirTimes) };
    const edits = realisticEdits(doc.text, quick ? 50 : 200, 7);
    rememberProseTexts(); // as the server does (createLanguageService): unchanged prose is not scanned again
    const ourFull = median(edits.map((e) => { const t0 = cpuNow(); checkText(e.text); return cpuNow() - t0; }));
    // What the server does per keystroke: re-parse the changed block, then the model and every rule.
    const parser = new IncrementalYaml();
    parser.parse(doc.text);
    const ourIncremental = median(edits.map((e) => { const t0 = cpuNow(); checkModel(parseReport(e.text, { doc: parser.parse(e.text) }), { skipFixGuard: true }); return cpuNow() - t0; }));
    const theirLsp = await latency(yls, doc, theirsLsp, 'yaml', `file:///bench/${++n}/report.xxgk.yaml`);
    rows.push([
      doc.name, size(doc),
      fmtMs(ourLsp.p50), fmtMs(ourLsp.p95), fmtMs(ourLsp.p99),
      fmtMs(ourFull), fmtMs(ourIncremental), fmtMs(theirs.median), fmtMs(theirLsp.p50),
      ratio(ourLsp.p50 / theirs.median), ratio(ourLsp.p50 / theirLsp.p50),
    ]);
  }
  await server.stop();
  await yls.stop();
  console.log(table([
    'document', 'size', 'ours LSP p50', 'p95', 'p99', 'ours in-process: full checkText', 'ours in-process: incremental (as the server)', 'yaml-ls in-process doValidation', `yaml-ls LSP p50 (${theirsLsp} edits, its 200 ms debounce)`,
    'ours LSP p50 / yaml-ls doValidation (target ≤ 0.5×)', 'ours / yaml-ls over LSP',
  ], rows));
}

async function memoryAndStart(): Promise<void> {
  heading('Server memory and cold start');
  const reports = quick ? 20 : 100;
  const rows: string[][] = [];
  for (const [name, command, versioned, languageId, settings] of [
    ['ours', OUR_SERVER, true, 'xxgk', {}],
    ['yaml-language-server', YAML_LS, false, 'yaml', { yaml: { validate: true, schemas: { [SCHEMA_URI]: '*.xxgk.yaml' }, schemaStore: { enable: false } } }],
  ] as const) {
    // Cold start: process start → initialize → didOpen(seed) → first diagnostics, wall clock; median of 5.
    const starts: number[] = [];
    for (let k = 0; k < (quick ? 2 : 5); k++) {
      const t0 = performance.now();
      const s = await startLsp({ command: process.execPath, args: [command, '--stdio'], versioned, settings });
      await s.open('file:///bench/cold/seed.xxgk.yaml', languageId, DOCS[0].text);
      starts.push(performance.now() - t0);
      await s.stop();
    }
    const s = await startLsp({ command: process.execPath, args: [command, '--stdio'], versioned, settings });
    const idle = s.rssBytes();
    for (let i = 0; i < reports; i++) await s.open(`file:///bench/mem/${i}.xxgk.yaml`, languageId, generateReport(10_000 + i));
    const rss = s.rssBytes();
    await s.stop();
    rows.push([name, fmtMs(median(starts)), fmtBytes(idle), fmtBytes(rss)]);
  }
  console.log(table(['server', 'cold start → first diagnostics (seed sample)', 'RSS idle', `RSS with ${reports} open reports`], rows));
}

/**
 * Workspace diagnostics: a workspace folder of generated reports, none open (10 subfolders, as a county office's
 * departments). Wall clock from starting the server to every report's diagnostics — once with nobody typing, once
 * while a clerk types ten keystrokes a second in an open report outside the folder (each keystroke's latency
 * shows whether the scan blocks it, against the same typing after the scan).
 */
async function workspaceScan(): Promise<void> {
  const n = quick ? 200 : 1000;
  heading(`Workspace diagnostics: ${n.toLocaleString('en')} reports in the workspace folders, none open (wall clock)`);
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-ws-'));
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const folder = join(dir, `部门${i % 10}`);
    if (i < 10) mkdirSync(folder);
    const text = generateReport(20_000 + i);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(folder, `report-${i}.xxgk.yaml`), text);
  }
  console.log(`${n.toLocaleString('en')} generated reports, ${fmtBytes(bytes / n)} each on average, in 10 folders; the client watches files (as VS Code).\n`);
  const rows: string[][] = [];
  for (const typing of [false, true]) {
    const r = await scanWorkspace(dir, n, typing);
    const d = summary(r.during), i = summary(r.idle);
    rows.push([
      typing ? 'typing 10 keystrokes/s in an open report' : 'nobody typing', fmtMs(r.ms), Math.round(n / (r.ms / 1000)).toLocaleString('en'),
      fmtBytes(r.rss), typing ? `${d.n}: p50 ${fmtMs(d.p50)}, p95 ${fmtMs(d.p95)}, max ${fmtMs(Math.max(...r.during))}` : '',
      typing ? `p50 ${fmtMs(i.p50)}, p95 ${fmtMs(i.p95)}` : '',
    ]);
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(table(['while the server scans', 'server start → every report’s diagnostics', 'reports/s', 'RSS after',
    'keystroke → diagnostics during the scan', 'the same after the scan'], rows));
}

async function scanWorkspace(dir: string, n: number, typing: boolean) {
  const prefix = pathToFileURL(dir).toString();
  const seen = new Set<string>();
  let findings = 0;
  let allSeen: () => void = () => undefined;
  const done = new Promise<void>((resolve) => { allSeen = resolve; });
  let finished = 0;
  void done.then(() => { finished = performance.now(); });
  const t0 = performance.now();
  const server = await startLsp({ command: process.execPath, args: [OUR_SERVER, '--stdio'], versioned: true, settings: {}, folders: [dir] });
  server.onDiagnostics((p) => {
    if (!p.uri.startsWith(prefix) || seen.has(p.uri)) return;
    seen.add(p.uri);
    findings += p.diagnostics.length;
    if (seen.size === n) allSeen();
  });
  const during: number[] = [];
  const idle: number[] = [];
  if (typing) {
    const edits = realisticEdits(DOCS[0].text, 5000, 3);
    const uri = 'file:///bench/typing/seed.xxgk.yaml';
    await server.open(uri, 'xxgk', DOCS[0].text);
    let version = 1;
    const keystroke = async () => {
      const started = performance.now();
      const { ms } = await server.change(uri, ++version, [edits[version - 2].change]);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (performance.now() - started))));
      return ms;
    };
    let scanning = true;
    void done.then(() => { scanning = false; });
    while (scanning && version <= edits.length) during.push(await keystroke());
    await done;
    for (let k = 0; k < 50 && version <= edits.length; k++) idle.push(await keystroke());
  }
  await done;
  const ms = finished - t0;
  const rss = server.rssBytes();
  await server.stop();
  if (findings !== 0) throw new Error(`generated reports are valid, but ${findings} diagnostics were published`);
  return { ms, rss, during, idle };
}

async function mainBench(): Promise<void> {
  const version = (pkg: string) => JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  console.log(`# xxgk-report benchmark\n\nnode ${process.version}, yaml ${version('yaml')}, yaml-language-server ${version('yaml-language-server')}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${new Date().toISOString().slice(0, 10)}${quick ? ' (--quick)' : ''}`);
  try { console.log(`machine ${execFileSync('uptime', { encoding: 'utf8' }).trim().replace(/.*(load average)/, '$1')} (other work on the machine shows in the wall-clock numbers)`); } catch { /* no uptime */ }
  if (wants('floor')) floor();
  if (wants('render')) render();
  if (wants('docx')) await docx();
  if (wants('cli')) await cliThroughput();
  if (wants('lsp')) await lsp();
  if (wants('memory')) await memoryAndStart();
  if (wants('workspace')) await workspaceScan();
  if (wants('pdf')) await pdfImport();
  if (wants('review')) await review();
}

mainBench().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
