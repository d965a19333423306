/**
 * Localised messages. Chinese is the product's language; English is the fallback for other locales.
 * Bundles live in server/l10n/messages.<locale>.json, keyed by message id.
 */
import en from '../l10n/messages.en.json';
import zh from '../l10n/messages.zh-cn.json';
import type { Message, MessageArg, MessageKey } from './model/findings';

export type Locale = 'zh-cn' | 'en';

// Typed by the Chinese bundle's keys: an English bundle that lacks a key does not compile.
const BUNDLES: Record<Locale, Record<MessageKey, string>> = { 'zh-cn': zh, en };

/** Any Chinese locale (zh, zh-CN, zh-Hans, zh-TW …) reads Chinese; everything else reads English. */
export function resolveLocale(tag: string | undefined): Locale {
  if (!tag) return 'zh-cn';
  return tag.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

export function localize(msg: Message, locale: Locale = 'zh-cn'): string {
  const bundle = BUNDLES[locale];
  const template = bundle[msg.key] ?? BUNDLES['zh-cn'][msg.key] ?? msg.key;
  const parts = compiled(template);
  if (parts.length === 1) return parts[0];
  const args = msg.args ?? {};
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (name in args ? argText(args[name], locale) : `{${name}}`) + parts[i + 1];
  }
  return out;
}

function argText(arg: MessageArg, locale: Locale): string {
  if (typeof arg !== 'object') return String(arg);
  if ('key' in arg) return localize(arg, locale);
  return arg.list.map((a) => argText(a, locale)).join(localize({ key: arg.separator ?? 'list.separator' }, locale));
}

/**
 * A template split once into text and placeholder names: [text, name, text, name, text …]. Every keystroke
 * localises every diagnostic and its related messages, so a regex replace per message showed in profiles.
 */
const COMPILED = new Map<string, string[]>();
function compiled(template: string): string[] {
  let parts = COMPILED.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (COMPILED.size < 10_000) COMPILED.set(template, parts);
  }
  return parts;
}
