/**
 * The server's view of report files for the cross-year rules and of the folders' xxgk.json (local deadlines):
 * open editors first (their unsaved text), then the disk. Folder listings, file texts and parsed candidates are
 * cached until a file changes, so a keystroke does not re-read a folder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FindPrevious } from './analysis';
import { parseReport, type ReportModel } from '../model/model';
import { findPreviousReport, quickMeta, ReportCache } from '../previous';
import { findFolderConfig, type FolderConfig } from '../folderConfig';
import { decodeReport } from '../fileText';
import type { DeadlineChoice } from '../template/deadlineProfiles';

export interface OpenTexts {
  /** The text of an open document, by URI. */
  get(uri: string): string | undefined;
}

export class WorkspaceReports {
  private index = new ReportCache();
  private readonly disk = new Map<string, string | undefined>();
  private readonly listings = new Map<string, string[]>();
  private readonly parsed = new Map<string, { text: string; model: ReportModel }>();
  private readonly encodings = new Map<string, { key: string; result?: { encoding?: string } }>();
  /** Which file each open report took as last year's (so an edit there re-checks exactly its dependents). */
  private readonly previousOf = new Map<string, string>();
  /** Year and body of each open report, to notice when an edit changes who may be whose last year. */
  private readonly identity = new Map<string, string>();

  constructor(private readonly open: OpenTexts, private readonly onConfigProblems?: (config: FolderConfig) => void) {}

  /**
   * Whether the file behind a document is not UTF-8, judged from its bytes on disk (the editor has only the text
   * it decoded). Remembered per file size and time, so a garbled document does not re-read its file per keystroke.
   */
  readonly fileEncoding = (uri: string): { encoding?: string } | undefined => {
    const file = toPath(uri);
    if (!file) return undefined;
    try {
      const st = statSync(file);
      const key = `${st.size}:${st.mtimeMs}`;
      const hit = this.encodings.get(file);
      if (hit?.key === key) return hit.result;
      const result = decodeReport(readFileSync(file)).notUtf8;
      this.encodings.set(file, { key, result });
      return result;
    } catch {
      return undefined;
    }
  };

  /** The nearest xxgk.json's deadline choice for a report (read through the same caches as last year's reports). */
  readonly folderDeadlines = (uri: string): DeadlineChoice[] => {
    const file = toPath(uri);
    const config = file ? findFolderConfig(file, (path) => this.read(path)) : undefined;
    if (config?.problems.length) this.onConfigProblems?.(config);
    return config?.choice ? [config.choice] : [];
  };

  readonly findPrevious: FindPrevious = (uri, model) => {
    const file = toPath(uri);
    if (!file) return undefined;
    const found = findPreviousReport(file, model, {
      cache: this.index,
      read: (path) => this.read(path),
      list: (dir) => this.list(dir),
      parse: (text) => this.parse(text),
    });
    if (found) this.previousOf.set(uri, pathToFileURL(resolve(dirname(file), found.name)).toString());
    else this.previousOf.delete(uri);
    return found;
  };

  /**
   * The open reports to re-check after `uri` changed to `text`: those that took it as last year's report, or,
   * when its year or body changed, every report in its folder (it may now be, or have stopped being, theirs).
   */
  affectedBy(uri: string, text: string, openUris: string[]): string[] {
    const m = quickMeta(text);
    const id = `${m.year ?? ''}|${m.issuer ?? ''}`;
    const before = this.identity.get(uri);
    this.identity.set(uri, id);
    if (before !== undefined && before !== id) {
      this.changed();
      const folder = WorkspaceReports.folderOf(uri);
      return openUris.filter((u) => u !== uri && folder !== undefined && WorkspaceReports.folderOf(u) === folder);
    }
    return openUris.filter((u) => u !== uri && this.previousOf.get(u) === uri);
  }

  /** The reports (open or only on disk) that took `uri` as last year's report when they were last checked. */
  dependents(uri: string): string[] {
    return [...this.previousOf].filter(([, previous]) => previous === uri).map(([report]) => report);
  }

  closed(uri: string): void {
    this.previousOf.delete(uri);
    this.identity.delete(uri);
  }

  /** Something changed on disk or in an editor: forget what was read (cheap to rebuild, always correct). */
  changed(): void {
    this.index = new ReportCache();
    this.disk.clear();
    this.listings.clear();
  }

  /** Folder of a document, to re-check its neighbours when it changes. */
  static folderOf(uri: string): string | undefined {
    const p = toPath(uri);
    return p ? dirname(p) : undefined;
  }

  private read(path: string): string | undefined {
    const open = this.open.get(pathToFileURL(path).toString());
    if (open !== undefined) return open;
    if (!this.disk.has(path)) {
      let text: string | undefined;
      try {
        text = statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
      } catch {
        text = undefined;
      }
      this.disk.set(path, text);
    }
    return this.disk.get(path);
  }

  private list(dir: string): string[] {
    const key = resolve(dir);
    let names = this.listings.get(key);
    if (!names) {
      try {
        names = readdirSync(key);
      } catch {
        names = [];
      }
      this.listings.set(key, names);
    }
    return names;
  }

  private parse(text: string): ReportModel {
    const hit = this.parsed.get(text.length + ':' + text.slice(0, 64));
    if (hit && hit.text === text) return hit.model;
    const model = parseReport(text);
    if (this.parsed.size > 32) this.parsed.clear();
    this.parsed.set(text.length + ':' + text.slice(0, 64), { text, model });
    return model;
  }
}

function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
