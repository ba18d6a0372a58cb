/**
 * The build's half of the matcher (match-mentions.ts): an entity's aliases written out as the
 * patterns the matcher tries and the words they start with, in plain data that the build serves
 * the engine, so no page pays for writing them.
 */
import type { Alias, AliasWhen } from './dataset-types';
import {
  aliasKey,
  type PreparedAliases,
  type PreparedSpelling,
  type SpellingPattern,
  type SpellingsByRule,
} from './match-mentions';
import { wordEnd } from './scan-words';

/**
 * An entity's aliases as the matcher needs them: each spelling its case rule allows, as a pattern
 * with the first words it may start (a prefix and a suffix make other words), and which alias a
 * found spelling is. The first alias to claim a spelling keeps it, so the dataset's order decides.
 */
export function prepareAliases(aliases: readonly Alias[]): PreparedAliases {
  const atWords: PreparedSpelling[] = [];
  const unbounded: SpellingPattern[] = [];
  const exact = new Map<string, AliasWhen>();
  const anyCase = new Map<string, AliasWhen>();
  for (const alias of aliases) {
    if (alias.case === 'insensitive') claim(anyCase, aliasKey(alias.text), alias.when);
    for (const spelling of spellings(alias)) {
      if (alias.case !== 'insensitive') claim(exact, aliasKey(spelling, false), alias.when);
      const pattern = aliasPattern(spelling, alias);
      if (alias.boundary === 'none') {
        unbounded.push({ pattern, length: spelling.length });
        continue;
      }
      // A prefix makes another first word: "isOracle" is read as a word of its own.
      for (const prefix of ['', ...alias.prefixes]) {
        const first = prefix + spelling.slice(0, wordEnd(spelling, 0));
        const whole = spelling.length + prefix.length === first.length;
        const words = whole ? [first, ...alias.suffixes.map((s) => first + s)] : [first];
        atWords.push({
          firstWords: words,
          pattern: escape(prefix) + pattern,
          length: spelling.length,
          // Left out where there are none, to keep the data short.
          ...(alias.suffixes.length > 0 && { suffixes: alias.suffixes }),
          ...(prefix && { skip: prefix.length }),
        });
      }
    }
  }
  return { atWords, unbounded, exact: byRule(exact), anyCase: byRule(anyCase) };
}

/** The spellings grouped by their alias's rule (`when`), which the data then names once. */
function byRule(owners: Map<string, AliasWhen>): SpellingsByRule {
  const grouped: { [when in AliasWhen]?: string[] } = {};
  for (const [spelling, when] of owners) (grouped[when] ??= []).push(spelling);
  return grouped;
}

/** The first alias to claim a spelling keeps it. */
function claim(owners: Map<string, AliasWhen>, key: string, when: AliasWhen): void {
  if (!owners.has(key)) owners.set(key, when);
}

/** The spellings an alias's case rule allows; `insensitive` is handled in the pattern. */
export function spellings(alias: Alias): string[] {
  const { text } = alias;
  if (alias.case !== 'capitalized') return [text];
  const capitalized = text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
  return [...new Set([text, capitalized, text.toUpperCase()])];
}

/**
 * An alias's pattern: its characters alone. A word-bounded one is tried only at a word's start,
 * and its end is checked by the matcher (a pattern of Unicode word characters costs the engine
 * milliseconds to compile, paid on the first page that holds the name).
 */
function aliasPattern(spelling: string, alias: Alias): string {
  return aliasUnits(spelling, alias).join('');
}

/** An alias's pattern, one character's pattern at a time. */
export function aliasUnits(spelling: string, alias: Alias): string[] {
  return [...spelling].map((char) => charPattern(char, alias.case === 'insensitive'));
}

/** One character of a name as a pattern: any white space for a space, either case if `anyCase`. */
function charPattern(char: string, anyCase: boolean): string {
  if (/\s/u.test(char)) return String.raw`\s+`;
  if (!anyCase) return escape(char);
  const lower = char.toLowerCase();
  const upper = char.toUpperCase();
  if (lower === upper || lower.length !== 1 || upper.length !== 1) return escape(char);
  return `[${escape(lower)}${escape(upper)}]`;
}

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');
}
