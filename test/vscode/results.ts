/**
 * What the API suite reports, one JSON object per line, appended to the file named by XXGK_VSCODE_RESULTS as it
 * runs. The driver (test/vscode/run.ts) reads it: under code-server the extension host's exit code says nothing
 * about the tests (it is 0 even when run() rejects), so this file is the result.
 */
export type ResultEvent =
  | { event: 'start'; total: number; vscode: string; files: string[] }
  | { event: 'test'; fullTitle: string }
  | { event: 'pass'; titlePath: string[]; duration: number }
  /** `hook`: a before/after hook failed; mocha then skips the tests it was for (counted as not run). */
  | { event: 'fail'; titlePath: string[]; hook: boolean; duration?: number; message: string; stack?: string }
  | { event: 'pending'; titlePath: string[] }
  | { event: 'end'; passes: number; failures: number; pending: number; duration: number }
  /** The suite could not be loaded or run at all. */
  | { event: 'error'; message: string; stack?: string };

export const RESULTS_ENV = 'XXGK_VSCODE_RESULTS';
export const GREP_ENV = 'XXGK_VSCODE_GREP';
