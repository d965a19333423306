/**
 * `--format sarif`: SARIF 2.1.0 (OASIS), one run. The rules are the checker's catalogue with their titles; a
 * finding in a `.xxgk.yaml` file points at its line and column, a finding in an imported report (web page, Word,
 * PDF, text) points at the file and names the place (表三 本年新收 …) as a logical location, since line numbers of
 * the imported text mean nothing in the original. Files that could not be read are tool notifications.
 */
import { localize } from '../l10n';
import { RULE_CATALOG, RULE_IDS, type RuleId } from '../template/ruleCatalog';
import { categoryOf } from './categories';
import type { ReportReview, ReviewFinding, ReviewResult } from './types';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** A relative path as a URI reference (each segment percent-encoded: Chinese file names, spaces, #). */
export function uriOf(file: string): string {
  return file
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

export interface SarifOptions {
  /** The folder the relative paths start from, as a file: URI ending in “/” (SRCROOT). */
  baseUri?: string;
}

export function reviewSarif(result: ReviewResult, options: SarifOptions = {}): string {
  const en = result.options.locale === 'en';
  const rules = RULE_IDS.map((id) => {
    const r = RULE_CATALOG[id];
    return {
      id,
      shortDescription: { text: en ? r.titleEn : r.title },
      fullDescription: { text: en ? r.title : r.titleEn },
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: {
        category: categoryOf(id),
        ...(r.spec !== undefined ? { specNumber: r.spec } : {}),
        ...(r.batch ? { acrossReports: true } : {}),
      },
    };
  });
  const ruleIndex = new Map<RuleId, number>(RULE_IDS.map((id, i) => [id, i]));
  const results = result.reports.flatMap((r) => r.findings.map((f) => sarifResult(r, f, ruleIndex.get(f.rule)!)));
  const notifications = result.unreadable.map((u) => ({
    level: 'error',
    message: { text: u.message },
    descriptor: { id: `unreadable/${u.reason}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(u.file), uriBaseId: 'SRCROOT' } } }],
  }));
  const run = {
    tool: {
      driver: {
        name: 'xxgk',
        fullName: 'xxgk-report review',
        version: result.tool.version,
        language: en ? 'en-US' : 'zh-CN',
        rules,
      },
    },
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
    ...(options.baseUri ? { originalUriBaseIds: { SRCROOT: { uri: options.baseUri } } } : {}),
    language: en ? 'en-US' : 'zh-CN',
    columnKind: 'utf16CodeUnits',
    results,
    properties: { summary: result.summary, note: localize({ key: 'review.sarif.note' }, result.options.locale) },
  };
  return JSON.stringify({ $schema: SCHEMA, version: '2.1.0', runs: [run] }, null, 2) + '\n';
}

function sarifResult(r: ReportReview, f: ReviewFinding, ruleIndex: number) {
  const artifactLocation = { uri: uriOf(r.file), uriBaseId: 'SRCROOT' };
  const region = { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
  const location = {
    physicalLocation: r.source === 'yaml' ? { artifactLocation, region } : { artifactLocation },
    ...(f.where ? { logicalLocations: [{ fullyQualifiedName: f.where, kind: f.cell ? 'element' : 'member' }] } : {}),
  };
  const related = f.other
    ? [
        {
          id: 1,
          message: { text: `${f.other.issuer ?? f.other.file}：${f.other.where}` },
          physicalLocation: { artifactLocation: { uri: uriOf(f.other.file), uriBaseId: 'SRCROOT' } },
        },
      ]
    : undefined;
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location],
    ...(related ? { relatedLocations: related } : {}),
    properties: {
      source: r.source,
      ...(r.source !== 'yaml' ? { importedLine: f.line } : {}),
      ...(f.cell ? { cell: f.cell } : {}),
    },
  };
}
