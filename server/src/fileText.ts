/**
 * Reading a report file's bytes. Reports are UTF-8; a Chinese Windows editor (记事本 before 2019, WPS, older Word
 * “纯文本”) saves GBK, and read as UTF-8 such a file is replacement characters where every Chinese key should be
 * — which the checker would report as every part missing. Instead the file gets one finding (FILE-ENCODING)
 * naming the encoding it looks like. Used by the CLI (the bytes it reads) and the language server (the bytes on
 * disk behind an editor text full of U+FFFD).
 */

export interface DecodedReport {
  /** The text as UTF-8 (with U+FFFD where it is not): what positions refer to. */
  text: string;
  /** When the bytes are not UTF-8: the encoding they look like (GBK, Big5, UTF-16LE …), or undefined if unknown. */
  notUtf8?: { encoding?: string };
}

export function decodeReport(bytes: Uint8Array): DecodedReport {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), notUtf8: { encoding: guessEncoding(bytes) } };
  }
}

/** Words every report has, in simplified and traditional characters: they tell GBK from Big5. */
const SIMPLIFIED = ['年度', '报告', '政府', '信息', '公开', '申请', '情况', '机关', '行政', '总计'];
const TRADITIONAL = ['年度', '報告', '政府', '資訊', '公開', '申請', '情況', '機關', '行政', '總計'];

/** The encoding non-UTF-8 bytes look like, or undefined when none fits. */
export function guessEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  const sample = bytes.subarray(0, 64 * 1024);
  // UTF-16 without a byte order mark: ASCII keys and digits leave a zero byte beside each.
  let evenZeros = 0, oddZeros = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) { if (i % 2) oddZeros++; else evenZeros++; }
  if (oddZeros > sample.length / 8) return 'UTF-16LE';
  if (evenZeros > sample.length / 8) return 'UTF-16BE';
  const score = (label: string, words: string[]) => {
    const text = new TextDecoder(label).decode(sample);
    const bad = (text.match(/\ufffd/g) ?? []).length;
    return words.reduce((n, w) => n + text.split(w).length - 1, 0) * 10 - bad;
  };
  const gbk = score('gb18030', SIMPLIFIED), big5 = score('big5', TRADITIONAL);
  if (gbk <= 0 && big5 <= 0) return undefined;
  return big5 > gbk ? 'Big5' : 'GBK';
}
