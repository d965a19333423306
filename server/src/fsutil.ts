/** File writes that never leave a half-written report or export behind, and never replace a file unasked. */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface WriteOptions {
  /**
   * false: fail with EEXIST if the target exists — decided atomically when the file appears (a hard link),
   * so a file created meanwhile by someone else is not replaced either. Default true.
   */
  overwrite?: boolean;
}

/**
 * Writes to a temporary file beside the target, flushes it to disk, then puts it in place in one step.
 * If anything fails, the target is as it was and the temporary file is gone.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  // Unique per call ('wx' refuses to reuse one): two writes in the same millisecond cannot share it.
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx');
  try {
    writeFileSync(fd, content); // loops until every byte is written, unlike a single writeSync
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    removeQuietly(tmp);
    throw e;
  }
  closeSync(fd);
  try {
    if (options.overwrite === false) placeNew(tmp, target);
    else renameSync(tmp, target);
  } catch (e) {
    removeQuietly(tmp);
    throw e;
  }
}

function placeNew(tmp: string, target: string): void {
  try {
    linkSync(tmp, target); // EEXIST if the target exists: no window between the check and the write
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw e;
    // A file system without hard links: check, then rename (the window is small but exists).
    if (existsSync(target)) throw Object.assign(new Error(`EEXIST: file already exists, '${target}'`), { code: 'EEXIST' });
    renameSync(tmp, target);
    return;
  }
  removeQuietly(tmp);
}

function removeQuietly(path: string): void {
  try { unlinkSync(path); } catch { /* already gone */ }
}
