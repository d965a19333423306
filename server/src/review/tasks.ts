/**
 * The two kinds of work a review hands to its workers (or does in the main thread with --jobs 1):
 * analyse a file, and re-check a report against last year's report found among the inputs.
 */
import { readFileSync } from 'node:fs';
import { parseReport } from '../model/model';
import { analyzeFile, analyzeModel, type AnalyzeOptions, type Analysis, type FileTask } from './analyze';
import type { ReportSource } from './types';

export interface RecheckTask extends FileTask {
  source: ReportSource;
  /** The report's `.xxgk.yaml` text when imported (else read from `path`). */
  text?: string;
  previous: { path: string; shown: string; text?: string };
}

export type TaskMessage =
  | { id: number; kind: 'analyze'; task: FileTask }
  | { id: number; kind: 'recheck'; task: RecheckTask };

export async function handleTask(msg: TaskMessage, options: AnalyzeOptions): Promise<Analysis> {
  return msg.kind === 'analyze' ? analyzeFile(msg.task, options) : recheck(msg.task, options);
}

/** The report checked again with last year's (the cross-year rules); what else it found is the same. */
export function recheck(task: RecheckTask, options: AnalyzeOptions): Analysis {
  const text = task.text ?? readFileSync(task.path, 'utf8').replace(/^\ufeff/, '');
  const last = task.previous.text ?? readFileSync(task.previous.path, 'utf8').replace(/^\ufeff/, '');
  const previous = { name: task.previous.shown, model: parseReport(last) };
  return analyzeModel(task, parseReport(text), task.source, options, previous, task.previous.shown);
}

/** The buffers of an analysis's typed arrays: moved to the main thread rather than copied. */
export function transferables(a: Analysis): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  if (a.values) out.add(a.values.buffer as ArrayBuffer);
  for (const s of a.sections) {
    out.add(s.sketch.hashes.buffer as ArrayBuffer);
    out.add(s.keys.buffer as ArrayBuffer);
  }
  return [...out];
}
