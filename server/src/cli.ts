/**
 * `xxgk`: the checker and renderer on the command line, for reviewers with many reports and for CI.
 *   xxgk check <files or folders> [--format text|json] [--lang zh-cn|en] [--deadline-profile 名称]
 *              [--local-deadline MM-DD]
 *   xxgk render <file> [-o out.html|out.docx] [--format html|docx] [--force]
 *   xxgk import <published report .txt/.html/.docx/.pdf> [-o out.xxgk.yaml] [--lang zh-cn|en]
 *   xxgk new --from <last year>.xxgk.yaml [--year N] [-o out.xxgk.yaml] [--lang zh-cn|en]
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkModel } from './check';
import type { Finding, MessageKey } from './model/findings';
import { MessageError } from './model/messageError';
import { writeFileAtomic } from './fsutil';
import { localize, resolveLocale, type Locale } from './l10n';
import { parseReport } from './model/model';
import { findPreviousReport, ReportCache } from './previous';
import { formatSummary, importFile, ImportError } from './import';
import { rolloverReport, RolloverError } from './write/rollover';
import { renderDocument } from './render/html';
import { errorsRemainNote, exportBlocker, formatOfFileName } from './render/export';
import { FolderConfigCache } from './folderConfig';
import { decodeReport } from './fileText';
import { findReportFiles, MissingPathError, unreadable, type ReportFiles } from './reportFiles';
import { DEADLINE_PROFILES, deadlineProfile, MONTH_DAY, type DeadlineChoice } from './template/deadlineProfiles';

export interface CliIO {
  out(s: string): void;
  err(s: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
}

const USAGE = `用法 / usage:
  xxgk check <文件或文件夹…> [--format text|json] [--lang zh-cn|en] [--deadline-profile 名称] [--local-deadline MM-DD]
  xxgk render <文件> [-o 输出.html|输出.docx] [--format html|docx] [--force]
  xxgk import <已发布的报告.txt|.html|.docx|.pdf> [-o 输出.xxgk.yaml] [--lang zh-cn|en]
  xxgk new --from <上一年度.xxgk.yaml> [--year 年度] [-o 输出.xxgk.yaml] [--lang zh-cn|en]
  check 检查年度报告（*.xxgk.yaml），有错误时退出码为 1；同一文件夹中有上一年度的报告（或“上年报告”指明）时，
  还核对上年结转、现行有效件数和内容雷同。render 导出可打印的 HTML 或公文格式的 Word 文件（按 -o 的扩展名，
  或 --format），不覆盖已有文件，除非加 --force。import 把已发布的报告转为 .xxgk.yaml，new 由上一年度的报告生成
  新一年度的报告；二者都不覆盖已有文件，说明输出到标准错误。`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  const locale = localeOf(rest, io);
  try {
    switch (command) {
      case 'check': return check(rest, io);
      case 'render': return await render(rest, io);
      case 'import': return await importCommand(rest, io);
      case 'new': return newCommand(rest, io);
      case undefined: case '-h': case '--help': case 'help':
        io.out(USAGE);
        return command ? 0 : 2;
      default:
        io.err(`未知命令“${command}”。\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    io.err(errorText(e, locale));
    return 2;
  }
}

/** What the CLI adds to a core message: the flag that fixes it (the core and the editor never name flags). */
const FLAG_HINTS: Partial<Record<MessageKey, MessageKey>> = { 'rollover.error.noYear': 'cli.hint.year' };

function errorText(e: unknown, locale: Locale): string {
  if (e instanceof UsageError) return `${e.message}\n${USAGE}`;
  if (e instanceof MessageError) {
    const hint = FLAG_HINTS[e.reason.key];
    const text = localize(e.reason, locale);
    return hint ? localize({ key: hint, args: { message: text } }, locale) : text;
  }
  return `xxgk: ${(e as Error).message}`;
}

/** `--lang` (or XXGK_LANG), read before the command's own parsing so that its errors are localised too. */
function localeOf(rest: string[], io: CliIO): Locale {
  const i = rest.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return resolveLocale(io.env.XXGK_LANG);
  const lang = rest[i].startsWith('--lang=') ? rest[i].slice('--lang='.length) : rest[i + 1];
  return resolveLocale(lang ?? io.env.XXGK_LANG);
}

class UsageError extends Error {}

function args(rest: string[], options: ParseArgsConfig['options']): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Files named on the command line, and every *.xxgk.yaml below named folders (reportFiles.ts). */
function collect(paths: string[], cwd: string): ReportFiles {
  try {
    return findReportFiles(paths, cwd);
  } catch (e) {
    if (e instanceof MissingPathError) throw new Error(e.message);
    throw e;
  }
}

interface FileResult {
  file: string;
  findings: { line: number; column: number; endLine: number; endColumn: number; severity: Finding['severity']; rule: string; message: string }[];
}

function check(rest: string[], io: CliIO): number {
  const { values, positionals } = args(rest, {
    format: { type: 'string', default: 'text' },
    lang: { type: 'string' },
    'local-deadline': { type: 'string' },
    'deadline-profile': { type: 'string' },
  });
  if (!positionals.length) throw new UsageError('请指定要检查的文件或文件夹。');
  const format = String(values.format);
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format 只能是 text 或 json。`);
  const locale: Locale = resolveLocale((values.lang as string | undefined) ?? io.env.XXGK_LANG);
  const flagChoices = deadlineFlags(values);
  // xxgk.json beside the reports (the nearest one up), read once per folder; its problems are told once.
  const configs = new FolderConfigCache(readIfFile);
  const told = new Set<string>();
  const { files, problems } = collect(positionals, io.cwd);
  const results: FileResult[] = [];
  let errors = 0, warnings = 0, infos = 0;
  // Entries that cannot be read are reported like findings of their own, and the walk has gone on past them.
  for (const p of problems) {
    errors++;
    results.push({ file: relative(io.cwd, p.path) || p.path, findings: [{ line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', rule: 'FILE-UNREADABLE', message: localize(p.message, locale) }] });
  }
  // Folder indexes for the search for last year's report (cross-year rules), built once per folder.
  const parsed = new ReportCache();
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      const p = unreadable(file, e);
      errors++;
      results.push({ file: relative(io.cwd, file) || file, findings: [{ line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', rule: 'FILE-UNREADABLE', message: localize(p.message, locale) }] });
      continue;
    }
    const { text, notUtf8 } = decodeReport(bytes);
    const model = parseReport(text);
    const previous = notUtf8 ? undefined : findPreviousReport(file, model, { cache: parsed });
    const config = configs.find(file);
    if (config && !told.has(config.path)) {
      told.add(config.path);
      for (const problem of config.problems) io.err(`${relative(io.cwd, config.path) || config.path}: ${localize(problem, locale)}`);
    }
    const deadlines = [...flagChoices, ...(config?.choice ? [config.choice] : [])];
    const findings = checkModel(model, { deadlines, previous, notUtf8 });
    const shown = relative(io.cwd, file) || file;
    const r: FileResult = { file: shown, findings: [] };
    for (const f of findings) {
      const s = model.lines.positionAt(f.span.start), e = model.lines.positionAt(f.span.end);
      r.findings.push({
        line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1,
        severity: f.severity, rule: f.rule, message: localize(f.message, locale),
      });
      if (f.severity === 'error') errors++; else if (f.severity === 'warning') warnings++; else infos++;
    }
    results.push(r);
  }
  if (format === 'json') {
    io.out(JSON.stringify({ files: results, summary: { files: results.length, errors, warnings, infos } }, null, 2));
  } else {
    for (const r of results) for (const f of r.findings) io.out(`${r.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`);
    io.out(locale === 'en'
      ? `${results.length} file(s): ${errors} error(s), ${warnings} warning(s), ${infos} info.`
      : `共检查 ${results.length} 个文件：${errors} 个错误，${warnings} 个警告，${infos} 个提示。`);
  }
  return errors ? 1 : 0;
}

/** --local-deadline and --deadline-profile: the most specific choices, before any xxgk.json. */
function deadlineFlags(values: Record<string, string | boolean | undefined>): DeadlineChoice[] {
  const out: DeadlineChoice[] = [];
  const date = values['local-deadline'] as string | undefined;
  if (date !== undefined) {
    if (!MONTH_DAY.test(date)) throw new UsageError('--local-deadline 应写成 MM-DD，如 02-20。');
    out.push({ dates: { local: date }, origin: '--local-deadline' });
  }
  const name = values['deadline-profile'] as string | undefined;
  if (name !== undefined) {
    const profile = deadlineProfile(name);
    if (!profile) throw new UsageError(`没有名为“${name}”的时限方案。可用：${DEADLINE_PROFILES.map((p) => p.id).join('、')}。`);
    out.push({ profile, origin: '--deadline-profile' });
  }
  return out;
}

function readIfFile(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** A report's text for render and new; a file that is not UTF-8 is refused with the same words as FILE-ENCODING. */
function readReportText(file: string): string {
  const { text, notUtf8 } = decodeReport(readFileSync(file));
  if (notUtf8) throw new Error(localize({ key: notUtf8.encoding ? 'file.notUtf8' : 'file.notUtf8Unknown', args: { encoding: notUtf8.encoding ?? '' } }));
  return text;
}

async function render(rest: string[], io: CliIO): Promise<number> {
  const { values, positionals } = args(rest, { output: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false }, format: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('请指定一个要导出的报告文件。');
  const output = values.output as string | undefined;
  const toStdout = !output || output === '-';
  const format = values.format ?? (toStdout ? 'html' : formatOfFileName(output) ?? 'html');
  if (format !== 'html' && format !== 'docx') throw new UsageError('--format 只能是 html 或 docx。');
  if (format === 'docx' && toStdout) throw new UsageError('Word 文件请用 -o 指定输出文件，如 -o 报告.docx。');
  const { files: [file], problems } = collect(positionals, io.cwd);
  if (!file) throw new Error(localize(problems[0].message));
  const model = parseReport(readReportText(file));
  const blocker = format === 'docx' ? exportBlocker(model) : undefined;
  if (blocker) { io.err(blocker); return 2; }
  // The docx library is loaded only for a Word export.
  const content = format === 'docx' ? await (await import('./render/docx')).renderDocx(model) : renderDocument(model);
  if (toStdout) { io.out(String(content)); return 0; }
  const target = isAbsolute(output) ? output : join(io.cwd, output);
  const exists = () => {
    io.err(`“${output}”已存在。如要覆盖，请加 --force。`);
    return 2;
  };
  if (existsSync(target) && !values.force) return exists();
  try {
    // Without --force the write itself also refuses an existing file (one created since the check).
    writeFileAtomic(target, content, { overwrite: !!values.force });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return exists();
    throw e;
  }
  io.err(`已生成 ${output}`);
  const note = errorsRemainNote(checkModel(model, { previous: findPreviousReport(file, model) }));
  if (note) io.err(note);
  return 0;
}

/** Resolves `-o`; refuses an existing file (import and new never overwrite a report). */
function outputTarget(output: string | undefined, io: CliIO): string | undefined {
  if (!output || output === '-') return undefined;
  const target = isAbsolute(output) ? output : join(io.cwd, output);
  if (existsSync(target)) throw new MessageError({ key: 'cli.outputExists', args: { name: output } });
  return target;
}

async function importCommand(rest: string[], io: CliIO): Promise<number> {
  const { values, positionals } = args(rest, { output: { type: 'string', short: 'o' }, lang: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('请指定一个要导入的文件（.txt、.html、.htm、.docx 或 .pdf）。');
  const source = isAbsolute(positionals[0]) ? positionals[0] : join(io.cwd, positionals[0]);
  if (!existsSync(source)) throw new ImportError({ key: 'import.error.notFound', args: { name: positionals[0] } });
  const output = values.output as string | undefined;
  const target = outputTarget(output, io);
  const locale: Locale = resolveLocale((values.lang as string | undefined) ?? io.env.XXGK_LANG);
  // An ImportError is localised where main() prints it (--lang is read there too).
  const { yaml, summary } = await importFile(source);
  if (target) writeFileAtomic(target, yaml);
  else io.out(yaml.trimEnd());
  io.err(formatSummary(summary, locale));
  if (target) io.err(localize({ key: 'cli.writtenNext', args: { name: output! } }, locale));
  return 0;
}

function newCommand(rest: string[], io: CliIO): number {
  const { values, positionals } = args(rest, { from: { type: 'string' }, year: { type: 'string' }, output: { type: 'string', short: 'o' }, lang: { type: 'string' } });
  if (positionals.length) throw new UsageError(`多余的参数“${positionals.join(' ')}”。`);
  const from = values.from as string | undefined;
  if (!from) throw new UsageError('请用 --from 指定上一年度的报告（*.xxgk.yaml）。');
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2008 && year <= 2100)) throw new UsageError('--year 应为四位数字年份，如 2025。');
  const source = isAbsolute(from) ? from : join(io.cwd, from);
  if (!existsSync(source)) throw new RolloverError({ key: 'rollover.error.previousNotFound', args: { name: from } });
  const output = values.output as string | undefined;
  const target = outputTarget(output, io);
  // 上年报告 is written relative to the new file, so the pair can move together.
  const previousPath = relative(target ? dirname(target) : io.cwd, source).split(sep).join('/');
  const { yaml, notes } = rolloverReport(readReportText(source), { year, previousPath });
  const locale: Locale = resolveLocale((values.lang as string | undefined) ?? io.env.XXGK_LANG);
  if (target) writeFileAtomic(target, yaml);
  else io.out(yaml.trimEnd());
  for (const n of notes) io.err(`  · ${localize(n, locale)}`);
  if (target) io.err(localize({ key: 'cli.written', args: { name: output! } }, locale));
  return 0;
}

if (require.main === module) {
  // `xxgk check … | head`: a reader that stops reading is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw e; });
  main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
    cwd: process.cwd(),
    env: process.env,
  }).then((code) => { process.exitCode = code; });
}
