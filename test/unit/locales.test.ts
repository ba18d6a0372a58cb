/**
 * The German UI: every English message has a German one with the same placeholders, so no
 * reader of the German UI meets an English string or a raw `$NAME$`, and plural forms come in
 * pairs in both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const dir = join(import.meta.dirname, '../../src/_locales');
const read = (lang: string) => JSON.parse(readFileSync(join(dir, lang, 'messages.json'), 'utf8')) as Messages;
const en = read('en');
const locales = readdirSync(dir);

/** A message's placeholders as `name=$n`, and the names its text uses. */
const shape = (entry: Messages[string]) => ({
  defined: Object.entries(entry.placeholders ?? {})
    .map(([name, p]) => `${name}=${p.content}`)
    .sort(),
  used: [...new Set([...entry.message.matchAll(/\$([A-Z_]+)\$/g)].map((m) => m[1]!.toLowerCase()))].sort(),
});

describe('locales', () => {
  it('has English and German', () => {
    expect(locales.sort()).toEqual(['de', 'en']);
  });

  for (const lang of locales) {
    const messages = read(lang);
    it(`${lang}: every English key, and no other`, () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    });

    it(`${lang}: the same placeholders as English, each one used and defined`, () => {
      for (const [key, entry] of Object.entries(messages)) {
        const mine = shape(entry);
        expect(mine.defined, key).toEqual(shape(en[key]!).defined);
        expect(mine.used, key).toEqual(mine.defined.map((d) => d.split('=')[0]));
        expect(entry.message.trim(), key).not.toBe('');
      }
    });

    it(`${lang}: names its own language for dates and plurals`, () => {
      expect(messages.uiLocale?.message).toBe(lang);
    });
  }

  it('gives every plural message both forms', () => {
    const bases = Object.keys(en)
      .filter((k) => /_(one|other)$/.test(k))
      .map((k) => k.replace(/_(one|other)$/, ''));
    for (const base of bases)
      expect(
        [`${base}_one`, `${base}_other`].every((k) => k in en),
        base,
      ).toBe(true);
  });

  it('translates the German UI (no message left in English but the name and words German shares)', () => {
    const de = read('de');
    const same = Object.keys(en).filter((k) => en[k]!.message === de[k]!.message && /[a-z]{4}/.test(en[k]!.message));
    expect(same.sort()).toEqual([
      'cardFooter',
      'cardLabel',
      'extensionName',
      'reportFieldDetails',
      'reportFieldProblem',
    ]);
  });
});
