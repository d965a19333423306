/**
 * One analysis per document version: parse + check once, then every feature (diagnostics, hover, completion,
 * code actions, inlay hints, symbols, preview) reads the same result. Keystrokes re-analyse only the
 * document that changed.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkModel, type CheckOptions } from './check';
import type { Finding } from './findings';
import { parseReport, type ReportModel } from './model';
import type { PreviousReport } from './rules/context';

export interface Analysis {
  uri: string;
  version: number;
  model: ReportModel;
  findings: Finding[];
}

/** Finds last year's report for a document (the host knows files and open editors; the core does not). */
export type FindPrevious = (uri: string, model: ReportModel) => PreviousReport | undefined;

export class AnalysisCache {
  private readonly entries = new Map<string, Analysis>();
  private optionsKey = '';

  constructor(private options: () => CheckOptions, private readonly findPrevious?: FindPrevious) {}

  get(doc: TextDocument): Analysis {
    const options = this.options();
    const key = JSON.stringify(options);
    if (key !== this.optionsKey) { this.entries.clear(); this.optionsKey = key; }
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const model = parseReport(doc.getText());
    const previous = this.findPrevious?.(doc.uri, model);
    const analysis = { uri: doc.uri, version: doc.version, model, findings: checkModel(model, { ...options, previous }) };
    this.entries.set(doc.uri, analysis);
    return analysis;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  /** Another report changed (last year's, perhaps): every cached analysis may be stale. */
  forgetAll(): void {
    this.entries.clear();
  }
}
