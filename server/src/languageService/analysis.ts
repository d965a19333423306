/**
 * One analysis per document version: parse + check once, then every feature (diagnostics, hover, completion,
 * code actions, inlay hints, symbols, preview) reads the same result. Keystrokes re-analyse only the
 * document that changed.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkModel, type CheckOptions } from '../check';
import type { Finding } from '../model/findings';
import { guardFixes } from '../model/valueEdits';
import { IncrementalYaml } from './incremental';
import { parseReport, type ReportModel } from '../model/model';
import type { PreviousReport } from '../rules/context';
import type { DeadlineChoice } from '../template/deadlineProfiles';

export interface Analysis {
  uri: string;
  version: number;
  model: ReportModel;
  /** The findings; their fixes are guarded only when asked for (findingsWithFixes). */
  findings: Finding[];
  fixesGuarded?: boolean;
}

/** The findings with their fixes made safe to offer (model/valueEdits.ts), once per analysis. */
export function findingsWithFixes(analysis: Analysis): Finding[] {
  if (!analysis.fixesGuarded) {
    guardFixes(analysis.model, analysis.findings);
    analysis.fixesGuarded = true;
  }
  return analysis.findings;
}

/** Finds last year's report for a document (the host knows files and open editors; the core does not). */
export type FindPrevious = (uri: string, model: ReportModel) => PreviousReport | undefined;

/** The deadline choices of a document's folder (its xxgk.json), most specific first. */
export type FolderDeadlines = (uri: string) => DeadlineChoice[];

/** Whether the file behind a document is not UTF-8 (asked only when its text has U+FFFD), and what it looks like. */
export type FileEncoding = (uri: string) => { encoding?: string } | undefined;

/** What the host knows about files and folders; the core does not. */
export interface AnalysisHooks {
  findPrevious?: FindPrevious;
  folderDeadlines?: FolderDeadlines;
  fileEncoding?: FileEncoding;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Analysis>();
  /** Per document: a keystroke re-parses only the entry or top-level block it changed (identical to a full parse). */
  private readonly parsers = new Map<string, IncrementalYaml>();
  private optionsKey = '';

  constructor(private options: () => CheckOptions, private readonly hooks: AnalysisHooks = {}) {}

  get(doc: TextDocument): Analysis {
    const options = this.options();
    const key = JSON.stringify(options);
    if (key !== this.optionsKey) { this.entries.clear(); this.optionsKey = key; }
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const text = doc.getText();
    let parser = this.parsers.get(doc.uri);
    if (!parser) { parser = new IncrementalYaml(); this.parsers.set(doc.uri, parser); }
    const model = parseReport(text, { doc: parser.parse(text) });
    // A GBK file opened as UTF-8 is replacement characters: one finding naming its encoding, nothing else.
    const notUtf8 = text.includes('\ufffd') ? this.hooks.fileEncoding?.(doc.uri) : undefined;
    const analysis = this.check(doc.uri, doc.version, model, options, notUtf8);
    this.entries.set(doc.uri, analysis);
    return analysis;
  }

  /**
   * A report file no editor has open (workspace diagnostics), read from its bytes: checked like a document but
   * not cached — a workspace holds thousands of them.
   */
  analyzeFile(uri: string, text: string, notUtf8?: { encoding?: string }): Analysis {
    return this.check(uri, 0, parseReport(text), this.options(), notUtf8);
  }

  private check(uri: string, version: number, model: ReportModel, options: CheckOptions,
    notUtf8?: { encoding?: string }): Analysis {
    const previous = notUtf8 ? undefined : this.hooks.findPrevious?.(uri, model);
    // A folder's xxgk.json is more specific than the editor settings.
    const deadlines = [...(this.hooks.folderDeadlines?.(uri) ?? []), ...(options.deadlines ?? [])];
    const findings = checkModel(model, { ...options, previous, deadlines, notUtf8, skipFixGuard: true });
    return { uri, version, model, findings };
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.parsers.delete(uri);
  }

  /** Another report changed (last year's, perhaps): every cached analysis may be stale. */
  forgetAll(): void {
    this.entries.clear();
  }
}
