/**
 * `xxgk`: the checker and renderer on the command line, for reviewers with many reports and for CI.
 *   xxgk check <files or folders> [--format text|json] [--lang zh-cn|en] [--local-deadline MM-DD]
 *   xxgk render <file> [-o out.html]
 *   xxgk import <published report .txt/.html/.docx/.pdf> [-o out.xxgk.yaml]
 *   xxgk new --from <last year>.xxgk.yaml [--year N] [-o out.xxgk.yaml]
 *   xxgk review <folders or files> [-o review.html] [--format html|json|csv|sarif] [--jobs N] [--year Y] … (review/)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkModel } from './check';
import type { Finding } from './model/findings';
import { writeFileAtomic } from './fsutil';
import { localize, resolveLocale, type Locale } from './l10n';
import { parseReport } from './model/model';
import { findPreviousReport, ReportCache } from './previous';
import { formatSummary, importFile, ImportError } from './import';
import { rolloverReport, RolloverError } from './write/rollover';
import { renderDocument } from './render/html';
import { REVIEW_FORMATS, reviewCommand, type ReviewFormat } from './review/command';

const EXT = '.xxgk.yaml';

export interface CliIO {
  out(s: string): void;
  err(s: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** The terminal for progress bars (process.stderr when run as a program). */
  progressStream?: NodeJS.WriteStream;
}

const USAGE = `用法 / usage:
  xxgk check <文件或文件夹…> [--format text|json] [--lang zh-cn|en] [--local-deadline MM-DD]
  xxgk render <文件> [-o 输出.html] [--force]
  xxgk import <已发布的报告.txt|.html|.docx|.pdf> [-o 输出.xxgk.yaml] [--lang zh-cn|en]
  xxgk new --from <上一年度.xxgk.yaml> [--year 年度] [-o 输出.xxgk.yaml]
  xxgk review <文件夹或文件…> -o review.html [--format html|json|csv|sarif] [--jobs N] [--year 年度]
              [--local-deadline MM-DD] [--force] [--quiet] [--lang zh-cn|en]
  check 检查年度报告（*.xxgk.yaml），有错误时退出码为 1；同一文件夹中有上一年度的报告（或“上年报告”指明）时，
  还核对上年结转、现行有效件数和内容雷同。import 把已发布的报告转为 .xxgk.yaml，new 由上一年度的报告生成
  新一年度的报告；二者都不覆盖已有文件，说明输出到标准错误。review 审核文件夹中各种形式的报告（.xxgk.yaml、网页、
  Word、PDF、文本），生成一个审核结果（仪表板或 JSON、CSV、SARIF），含汇总和机关之间的内容雷同；有错误时退出码为 1。`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check': return check(rest, io);
      case 'render': return render(rest, io);
      case 'import': return await importCommand(rest, io);
      case 'new': return newCommand(rest, io);
      case 'review': return await review(rest, io);
      case undefined: case '-h': case '--help': case 'help':
        io.out(USAGE);
        return command ? 0 : 2;
      default:
        io.err(`未知命令“${command}”。\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    io.err(e instanceof UsageError ? `${e.message}\n${USAGE}` : e instanceof ImportError || e instanceof RolloverError ? e.message : `xxgk: ${(e as Error).message}`);
    return 2;
  }
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

/** Files named on the command line, and every *.xxgk.yaml below named folders, in a stable order. */
export function collectFiles(paths: string[], cwd: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (name.endsWith(EXT)) out.push(p);
    }
  };
  for (const p of paths) {
    const full = isAbsolute(p) ? p : join(cwd, p);
    if (!existsSync(full)) throw new Error(`找不到“${p}”。`);
    if (statSync(full).isDirectory()) walk(full);
    else out.push(full);
  }
  return out;
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
  });
  if (!positionals.length) throw new UsageError('请指定要检查的文件或文件夹。');
  const format = String(values.format);
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format 只能是 text 或 json。`);
  const localDeadline = values['local-deadline'] as string | undefined;
  if (localDeadline !== undefined && !/^\d{2}-\d{2}$/.test(localDeadline)) throw new UsageError('--local-deadline 应写成 MM-DD，如 02-20。');
  const locale: Locale = resolveLocale((values.lang as string | undefined) ?? io.env.XXGK_LANG);
  const files = collectFiles(positionals, io.cwd);
  const results: FileResult[] = [];
  let errors = 0, warnings = 0, infos = 0;
  // Folder indexes for the search for last year's report (cross-year rules), built once per folder.
  const parsed = new ReportCache();
  for (const file of files) {
    const model = parseReport(readFileSync(file, 'utf8'));
    const previous = findPreviousReport(file, model, { cache: parsed });
    const findings = checkModel(model, { localDeadline, previous });
    const shown = relative(io.cwd, file) || file;
    const r: FileResult = { file: shown, findings: [] };
    for (const f of findings) {
      const s = model.lines.positionAt(f.span.start), e = model.lines.positionAt(f.span.end);
      r.findings.push({ line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: f.severity, rule: f.rule, message: localize(f.message, locale) });
      if (f.severity === 'error') errors++; else if (f.severity === 'warning') warnings++; else infos++;
    }
    results.push(r);
  }
  if (format === 'json') {
    io.out(JSON.stringify({ files: results, summary: { files: files.length, errors, warnings, infos } }, null, 2));
  } else {
    for (const r of results) for (const f of r.findings) io.out(`${r.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`);
    io.out(locale === 'en'
      ? `${files.length} file(s): ${errors} error(s), ${warnings} warning(s), ${infos} info.`
      : `共检查 ${files.length} 个文件：${errors} 个错误，${warnings} 个警告，${infos} 个提示。`);
  }
  return errors ? 1 : 0;
}

function render(rest: string[], io: CliIO): number {
  const { values, positionals } = args(rest, { output: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false } });
  if (positionals.length !== 1) throw new UsageError('请指定一个要生成 HTML 的报告文件。');
  const [file] = collectFiles(positionals, io.cwd);
  const html = renderDocument(parseReport(readFileSync(file, 'utf8')));
  const output = values.output as string | undefined;
  if (!output || output === '-') { io.out(html); return 0; }
  const target = isAbsolute(output) ? output : join(io.cwd, output);
  const exists = () => {
    io.err(`“${output}”已存在。如要覆盖，请加 --force。`);
    return 2;
  };
  if (existsSync(target) && !values.force) return exists();
  try {
    // Without --force the write itself also refuses an existing file (one created since the check).
    writeFileAtomic(target, html, { overwrite: !!values.force });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return exists();
    throw e;
  }
  io.err(`已生成 ${output}`);
  return 0;
}

/** Resolves `-o`; refuses an existing file (import and new never overwrite a report). */
function outputTarget(output: string | undefined, io: CliIO): string | undefined {
  if (!output || output === '-') return undefined;
  const target = isAbsolute(output) ? output : join(io.cwd, output);
  if (existsSync(target)) throw new ImportError(`“${output}”已存在，不会覆盖。请换一个文件名，或先移走原文件。`);
  return target;
}

async function importCommand(rest: string[], io: CliIO): Promise<number> {
  const { values, positionals } = args(rest, { output: { type: 'string', short: 'o' }, lang: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('请指定一个要导入的文件（.txt、.html、.htm、.docx 或 .pdf）。');
  const source = isAbsolute(positionals[0]) ? positionals[0] : join(io.cwd, positionals[0]);
  if (!existsSync(source)) throw new ImportError(`找不到“${positionals[0]}”。`);
  const output = values.output as string | undefined;
  const target = outputTarget(output, io);
  const locale: Locale = resolveLocale((values.lang as string | undefined) ?? io.env.XXGK_LANG);
  const { yaml, summary } = await importFile(source).catch((e: unknown) => {
    throw e instanceof ImportError ? new ImportError(e.localized(locale)) : e;
  });
  if (target) writeFileAtomic(target, yaml);
  else io.out(yaml.trimEnd());
  io.err(formatSummary(summary, locale));
  if (target) io.err(locale === 'en' ? `Written to ${output}. Next: xxgk check ${output}` : `已写入 ${output}。下一步：xxgk check ${output}`);
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
  if (!existsSync(source)) throw new RolloverError(`找不到上一年度的报告“${from}”。`);
  const output = values.output as string | undefined;
  const target = outputTarget(output, io);
  // 上年报告 is written relative to the new file, so the pair can move together.
  const previousPath = relative(target ? dirname(target) : io.cwd, source).split(sep).join('/');
  const { yaml, notes } = rolloverReport(readFileSync(source, 'utf8'), { year, previousPath });
  const locale: Locale = resolveLocale((values.lang as string | undefined) ?? io.env.XXGK_LANG);
  if (target) writeFileAtomic(target, yaml);
  else io.out(yaml.trimEnd());
  for (const n of notes) io.err(`  · ${localize(n, locale)}`);
  if (target) io.err(locale === 'en' ? `Written to ${output}.` : `已写入 ${output}。`);
  return 0;
}

/** `xxgk review`: the arguments, checked; the work is in review/. */
async function review(rest: string[], io: CliIO): Promise<number> {
  const { values, positionals } = args(rest, {
    output: { type: 'string', short: 'o' }, format: { type: 'string' }, jobs: { type: 'string', short: 'j' },
    year: { type: 'string' }, 'local-deadline': { type: 'string' }, force: { type: 'boolean', default: false },
    quiet: { type: 'boolean', short: 'q', default: false }, lang: { type: 'string' }, stats: { type: 'boolean', default: false },
  });
  if (!positionals.length) throw new UsageError('请指定要审核的文件夹或文件。');
  const format = values.format as string | undefined;
  if (format !== undefined && !REVIEW_FORMATS.includes(format as ReviewFormat)) throw new UsageError('--format 只能是 html、json、csv 或 sarif。');
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 256)) throw new UsageError('--jobs 应为 1 到 256 之间的整数。');
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2008 && year <= 2100)) throw new UsageError('--year 应为四位数字年份，如 2024。');
  const localDeadline = values['local-deadline'] as string | undefined;
  if (localDeadline !== undefined && !/^\d{2}-\d{2}$/.test(localDeadline)) throw new UsageError('--local-deadline 应写成 MM-DD，如 02-20。');
  return reviewCommand({
    inputs: positionals, output: values.output as string | undefined, format: format as ReviewFormat | undefined, jobs, year,
    localDeadline, force: !!values.force, quiet: !!values.quiet, stats: !!values.stats,
    locale: resolveLocale((values.lang as string | undefined) ?? io.env.XXGK_LANG),
  }, io);
}

if (require.main === module) {
  main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
    cwd: process.cwd(),
    env: process.env,
    progressStream: process.stderr,
  }).then((code) => { process.exitCode = code; });
}
