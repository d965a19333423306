/**
 * The workspace folder the API suite runs in, prepared by test/vscode/run.ts before VS Code starts (for both the
 * code-server and the desktop runner). Imported by the suite for the file names; no `vscode` here.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The seed sample as published, errors included. */
export const SEED = 'seed-zhangying-2023.xxgk.yaml';
/** A published report as plain text, for the import command. */
export const PUBLISHED_TXT = 'seed-zhangying-2023.txt';
/**
 * The report the settings tests edit. It exists before VS Code starts: a file created during the run brings a late
 * file-watcher event, on which the server re-checks every open report — what `validate: onSave` must not see.
 */
export const SETTINGS_REPORT = 'settings-2023.xxgk.yaml';
/** A report with known mistakes that no test opens: the workspace diagnostics show it (in a subfolder, as a department's). */
export const UNOPENED_REPORT = 'departments/unopened-2024.xxgk.yaml';

/** A folder of reports for the review command: two written as `.xxgk.yaml`, one department's, one published text. */
export const REVIEW_FOLDER = 'review';
export const REVIEW_FILES = [
  'clean-zhangying-2024.xxgk.yaml', 'county-dept-2023.xxgk.yaml', '部门/county-dept-2024-mistakes.xxgk.yaml', '网页/已发布.txt',
];

export function prepareWorkspace(repoRoot: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(repoRoot, 'samples', SEED), join(dir, SEED));
  copyFileSync(join(repoRoot, 'samples', SEED), join(dir, SETTINGS_REPORT));
  copyFileSync(join(repoRoot, 'test', 'fixtures', PUBLISHED_TXT), join(dir, PUBLISHED_TXT));
  mkdirSync(join(dir, 'departments'), { recursive: true });
  copyFileSync(join(repoRoot, 'samples', 'county-dept-2024-mistakes.xxgk.yaml'), join(dir, UNOPENED_REPORT));
  for (const file of REVIEW_FILES) {
    const target = join(dir, REVIEW_FOLDER, file);
    mkdirSync(join(target, '..'), { recursive: true });
    const source = file.endsWith('.txt') ? join(repoRoot, 'test', 'fixtures', PUBLISHED_TXT) : join(repoRoot, 'samples', file.split('/').pop()!);
    copyFileSync(source, target);
  }
}
