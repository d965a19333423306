/**
 * The server's view of report files for the cross-year rules: open editors first (their unsaved text), then
 * the disk. Folder listings, file texts and parsed candidates are cached until a file changes, so a keystroke
 * does not re-read a folder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FindPrevious } from './analysis';
import { parseReport, type ReportModel } from './model';
import { findPreviousReport, ReportCache } from './previous';

export interface OpenTexts {
  /** The text of an open document, by URI. */
  get(uri: string): string | undefined;
}

export class WorkspaceReports {
  private index = new ReportCache();
  private readonly disk = new Map<string, string | undefined>();
  private readonly listings = new Map<string, string[]>();
  private readonly parsed = new Map<string, { text: string; model: ReportModel }>();

  constructor(private readonly open: OpenTexts) {}

  readonly findPrevious: FindPrevious = (uri, model) => {
    const file = toPath(uri);
    if (!file) return undefined;
    return findPreviousReport(file, model, {
      cache: this.index,
      read: (path) => this.read(path),
      list: (dir) => this.list(dir),
      parse: (text) => this.parse(text),
    });
  };

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
