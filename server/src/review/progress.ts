/**
 * The progress bar of `xxgk review` on a terminal: count, rate, time left and the file being read, on stderr.
 * cli-progress draws it (throttled redraws, terminal width, East Asian wide characters counted as two
 * columns); nothing at all when stderr is not a terminal or with --quiet, so logs and pipes stay clean.
 */
import { SingleBar } from 'cli-progress';

export interface Progress {
  start(total: number, stage: string): void;
  tick(file: string): void;
  stop(): void;
}

const SILENT: Progress = { start() {}, tick() {}, stop() {} };

/** Display width: CJK and full-width forms take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

/** The end of a long path, so the bar stays on one line: “…/乡镇/张营乡2024年报.pdf”. */
export function shorten(path: string, max: number): string {
  if (width(path) <= max) return path;
  const chars = [...path];
  let w = 1,
    i = chars.length;
  while (i > 0 && w + width(chars[i - 1]) <= max) w += width(chars[--i]);
  return `…${chars.slice(i).join('')}`;
}

export function progressBar(stream: NodeJS.WriteStream, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY) return SILENT;
  let bar: SingleBar | undefined;
  let done = 0;
  let started = 0;
  return {
    start(total, stage) {
      done = 0;
      started = Date.now();
      bar = new SingleBar({
        stream,
        format: `${stage} {bar} {value}/{total} · {rate} 份/秒 · 剩余 {eta_formatted} · {file}`,
        barsize: 24,
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
        fps: 10,
        linewrap: false,
      });
      bar.start(total, 0, { rate: '—', file: '' });
    },
    tick(file) {
      done++;
      const seconds = (Date.now() - started) / 1000;
      const columns = Math.max(20, (stream.columns ?? 80) - 70);
      bar?.update(done, { rate: seconds > 0.5 ? Math.round(done / seconds) : '—', file: shorten(file, columns) });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
