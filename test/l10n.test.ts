/** Every message exists in Chinese and English with the same placeholders. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../server/l10n/messages.en.json';
import zh from '../server/l10n/messages.zh-cn.json';
import { indexOf, template2021 } from '../server/src/template';
import { ROOT } from './helpers/samples';

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('message bundles', () => {
  it('have the same keys and placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const k of Object.keys(zh) as (keyof typeof zh)[]) expect(placeholders(en[k]), k).toEqual(placeholders(zh[k]));
  });

  it('hold every message key the code uses', () => {
    const dir = join(ROOT, 'server', 'src');
    const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)]);
    const used = new Set<string>();
    for (const f of files(dir)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/['`]((?:type|key|related|fix|meta|date|parts|table|general|fee|part5|cell|arith|content|text|ui|version|cross|rollover|import|review)(?:\.[A-Za-z0-9]+)+)['`]/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(60);
    const fieldIds = new Set(indexOf(template2021).field.keys());
    for (const k of used) if (!fieldIds.has(k)) expect(zh, k).toHaveProperty([k]);
  });
});

describe('extension UI strings', () => {
  it('every client string has a Chinese translation', () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const dir = join(ROOT, 'client', 'src');
    const used = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const s of used) expect(bundle, s).toHaveProperty([s]);
  });

  it('every %key% of package.json is in both package.nls files', () => {
    const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
    const keys = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    for (const f of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = JSON.parse(readFileSync(join(ROOT, f), 'utf8'));
      for (const k of keys) expect(nls, `${f}: ${k}`).toHaveProperty([k]);
    }
  });
});
