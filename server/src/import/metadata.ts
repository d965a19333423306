/**
 * Phase 7 — the metadata, from what the earlier phases found: the title, the year, the 发布日期, the body (from
 * the signature; else the preamble's “由…编制”, else the title — both said to be guesses), its kind (inferred
 * from its name), the 落款 date and the contact. What is missing is said, so the clerk fills it in.
 */
import type { Message } from '../model/findings';
import { fieldDef, template2021 } from '../template';
import { localize } from '../l10n';
import type { DraftValue } from '../write/yamlWriter';
import { bodyOfPreamble, bodyOfTitle, contactOf, inferKind } from './meta';
import { addNotes, emptyNotes, type ImportNotes } from './summary';

export interface MetadataSource {
  title?: string;
  year?: number;
  published?: string;
  preamble?: string;
  /** The contact line our exports print after the preamble, when the source has one. */
  printedContact?: string;
  signed?: string;
  signature?: string;
  /** Every paragraph's text: where the contact is looked for when the preamble gives none. */
  texts: string[];
}

export interface Metadata {
  /** By field id, as the draft holds it. */
  meta: Map<string, DraftValue>;
  notes: ImportNotes;
}

/** A metadata field's key as the report writes it (the same in every format). */
function keyOf(id: string): string {
  return fieldDef(template2021, id).key;
}

export function readMetadata(source: MetadataSource): Metadata {
  const meta = new Map<string, DraftValue>();
  const notes = emptyNotes();
  const found = (id: string, value: string | number) => {
    meta.set(id, { value });
    notes.mapped.push({ key: 'import.meta', args: { key: keyOf(id), value } });
  };
  if (source.published) meta.set('published', { value: source.published });
  if (source.title) found('title', source.title.trim());
  addNotes(notes, readIssuer(source, meta));
  if (source.year !== undefined) found('year', source.year);
  else notes.warnings.push({ key: 'import.metaMissing', args: { key: keyOf('year') } });
  if (source.signed) found('signed', source.signed);
  else notes.warnings.push({ key: 'import.metaMissing', args: { key: keyOf('signed') } });
  const contact = source.printedContact ?? contactOf(source.preamble ?? '') ?? contactOf(source.texts.join('\n'));
  if (contact) found('contact', contact);
  return { meta, notes };
}

/** Where the body's name was read: the signature, else the preamble, else the title. */
function issuerFrom(signature: string | undefined, preambleBody: string | undefined): Message {
  if (signature) return { key: 'import.from.signature' };
  return { key: preambleBody ? 'import.from.preamble' : 'import.from.title' };
}

/** The body and its kind, into `meta`; says where the body came from and whether the kind is a guess. */
function readIssuer(source: MetadataSource, meta: Map<string, DraftValue>): ImportNotes {
  const notes = emptyNotes();
  const { signature } = source;
  const preambleBody = source.preamble ? bodyOfPreamble(source.preamble) : undefined;
  const titleBody = source.title ? bodyOfTitle(source.title) : undefined;
  const issuer = signature ?? preambleBody ?? titleBody;
  if (!issuer) {
    notes.warnings.push({ key: 'import.metaMissing', args: { key: keyOf('issuer') } });
    return notes;
  }
  const from = issuerFrom(signature, preambleBody);
  meta.set('issuer', { value: issuer, comment: signature ? undefined : `据${localize(from)}推断，请核对` });
  notes.mapped.push({ key: 'import.metaFrom', args: { key: keyOf('issuer'), value: issuer, from } });
  const kind = inferKind(issuer);
  if (!kind) {
    meta.set('kind', { value: '其他', comment: '未能从机关名称推断，请改为实际类型' });
    notes.warnings.push({ key: 'import.kindUnknown', args: { issuer } });
    return notes;
  }
  meta.set('kind', { value: kind.kind, comment: kind.guessed ? '据机关名称推断，请核对' : undefined });
  if (kind.guessed) notes.warnings.push({ key: 'import.kindGuessed', args: { kind: kind.kind, issuer } });
  else notes.mapped.push({ key: 'import.meta', args: { key: keyOf('kind'), value: kind.kind } });
  return notes;
}
