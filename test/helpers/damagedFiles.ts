/**
 * Damaged published reports for `npm run fuzz` (property `damaged`): a real Word, web page or text report
 * with bytes changed, cut short or spliced with PDF syntax, as downloads and disk errors leave them. The input
 * is a small recipe (source and mutation), so that a failure is saved and replayed without megabytes of bytes.
 * The invariant: the importer imports the file or refuses it with an ImportError (a message for the user),
 * never throws anything else, never leaves a rejection unhandled (the fuzz child process would die), and what
 * it imports passes the core's own invariants (exercise()).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBuffer, ImportError } from '../../server/src/import';
import { parseReport } from '../../server/src/model/model';
import { renderDocx } from '../../server/src/render/docx';
import { exercise } from './fuzz';
import { ROOT } from './samples';

/**
 * PDFs are left out for now: on some damaged PDFs PDF.js itself loops without end inside getTextContent (found by
 * this property, seed 890670328: zhangying-2024.word.pdf with bytes 1689, 30781 and 136501 changed), and a loop in
 * the thread cannot be interrupted. Reading PDFs in a worker thread with a time limit is the fix still to make;
 * until then the property would fail at random. A damaged PDF that PDF.js answers with stray rejections is tested
 * in test/pdf.test.ts.
 */
const SOURCES = ['import/published-county-2024.gbk.html', 'import/garbled-zhangying-2024.txt', 'report.docx'] as const;

/** What PDF and Word files are made of: spliced in, they make damaged files that still look like the real thing. */
const SPLICES = ['(((<<>>[]/Rotate 90 endobj', '<< /Type /Font /Subtype /Type0 /Encoding /Identity-H', 'stream\n\x00\xff\x7f',
  'endstream endobj xref 0 1\ntrailer << /Root 1 0 R >>', '%%EOF', 'PK\x03\x04', '<w:tbl><w:tr>', ' 9999999999 0 R '];

export interface Damage {
  source: (typeof SOURCES)[number];
  /** Each a [position (0…1 of the file), replacement byte] pair. */
  flips: [number, number][];
  /** Keep this share of the file (1: whole). */
  keep: number;
  /** Splice SPLICES[k] in at this position (0…1), cutting `cut` bytes. */
  splice?: { at: number; k: number; cut: number };
}

/** Anywhere in the file, uniformly (fast-check's numbers lean to the edges: every change would hit the header). */
const position = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);

// Mostly whole files with a few changes: a file cut short or full of changes is refused at once and tests little.
export const damagedFiles: fc.Arbitrary<Damage> = fc.record({
  source: fc.constantFrom(...SOURCES),
  flips: fc.array(fc.tuple(position, fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
  keep: fc.oneof({ arbitrary: fc.constant(1), weight: 4 }, { arbitrary: position, weight: 1 }),
  splice: fc.option(fc.record({ at: position, k: fc.nat(SPLICES.length - 1), cut: fc.nat(300) }), { nil: undefined, freq: 3 }),
});

let docx: Promise<Buffer> | undefined;

async function sourceBytes(source: Damage['source']): Promise<Buffer> {
  if (source === 'report.docx') {
    docx ??= renderDocx(parseReport(readFileSync(join(ROOT, 'samples', 'county-dept-2024.xxgk.yaml'), 'utf8')));
    return Buffer.from(await docx);
  }
  return readFileSync(join(ROOT, 'test', 'fixtures', source));
}

export async function damagedBytes(d: Damage): Promise<Buffer> {
  let b = Buffer.from(await sourceBytes(d.source));
  for (const [at, byte] of d.flips) b[Math.floor(at * b.length)] = byte;
  if (d.splice) {
    const at = Math.floor(d.splice.at * b.length);
    b = Buffer.concat([b.subarray(0, at), Buffer.from(SPLICES[d.splice.k], 'latin1'), b.subarray(at + d.splice.cut)]);
  }
  return b.subarray(0, Math.ceil(b.length * d.keep));
}

/** Imports the damaged file: it is imported (and the text passes exercise()) or refused with an ImportError. */
export async function exerciseDamaged(d: Damage): Promise<void> {
  const name = `damaged${d.source.slice(d.source.lastIndexOf('.'))}`;
  let yaml: string;
  try {
    ({ yaml } = await importBuffer(name, await damagedBytes(d)));
  } catch (e) {
    if (e instanceof ImportError) return;
    throw new Error(`the importer threw ${(e as Error)?.name}: ${(e as Error)?.message} (not an ImportError) for ${JSON.stringify(d)}`);
  }
  exercise(yaml, { maxFixes: 1 });
}
