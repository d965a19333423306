/**
 * One analysis per document version: parse + check once, then every feature (diagnostics, hover, completion,
 * code actions, inlay hints, symbols, preview) reads the same result. Keystrokes re-analyse only the
 * document that changed.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkModel, type CheckOptions } from './check';
import type { Finding } from './findings';
import { parseReport, type ReportModel } from './model';

export interface Analysis {
  uri: string;
  version: number;
  model: ReportModel;
  findings: Finding[];
}

export class AnalysisCache {
  private readonly entries = new Map<string, Analysis>();
  private optionsKey = '';

  constructor(private options: () => CheckOptions) {}

  get(doc: TextDocument): Analysis {
    const options = this.options();
    const key = JSON.stringify(options);
    if (key !== this.optionsKey) { this.entries.clear(); this.optionsKey = key; }
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const model = parseReport(doc.getText());
    const analysis = { uri: doc.uri, version: doc.version, model, findings: checkModel(model, options) };
    this.entries.set(doc.uri, analysis);
    return analysis;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
