import type { Alias, AliasWhen, Entity, EntityId } from './dataset-types';

/** A name found in a string: `text.slice(start, end)` is the name alone, without any suffix. */
export interface Mention {
  readonly entityId: EntityId;
  readonly start: number;
  readonly end: number;
}

/** A name as the matcher finds it, with its alias's rule for when it is the entity. */
export interface Candidate extends Mention {
  readonly when: AliasWhen;
}

/**
 * Finds the mentions that start in `text[from, to)` (default: all of it). The text outside the
 * window still counts for word boundaries, so a long text read window by window gives exactly
 * the mentions of one pass, in slices short enough to yield to the page between them.
 */
export type MatchMentions = (text: string, from?: number, to?: number) => Candidate[];

/** Room past a window's end for a name that starts inside it (longer than any alias). */
const WINDOW_MARGIN = 256;

/** A letter, a combining mark, a digit or an underscore: what a name must not touch. */
export const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_]`;

/**
 * Compiles the aliases of `entities` into one regular expression, so a string is read once
 * whatever the number of aliases. Case and boundary rules are compiled into the pattern, which
 * lets the engine fall back to a shorter alias at the same place when a longer one is refused.
 */
export function compileMatcher(entities: readonly Pick<Entity, 'id' | 'aliases'>[]): MatchMentions {
  // Which alias a found name is: its exact spelling first ("TikTok" may be sure where "Tiktok"
  // needs context), then any casing for the aliases whose case rule allows it.
  const bySpelling = new Map<string, { entityId: EntityId; when: AliasWhen }>();
  const byKey = new Map<string, { entityId: EntityId; when: AliasWhen }>();
  const alternatives: { pattern: string; length: number }[] = [];
  for (const entity of entities) {
    for (const alias of entity.aliases) {
      const owner = { entityId: entity.id, when: alias.when };
      if (alias.case === 'insensitive') setOnce(byKey, aliasKey(alias.text), owner);
      for (const spelling of spellings(alias)) {
        if (alias.case !== 'insensitive') setOnce(bySpelling, aliasKey(spelling, false), owner);
        alternatives.push({ pattern: aliasPattern(spelling, alias), length: spelling.length });
      }
    }
  }
  if (alternatives.length === 0) return () => [];
  // Longest first: at one position the regex takes the first alternative that fits.
  alternatives.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(alternatives.map((a) => a.pattern).join('|'), 'gu');

  return (text, from = 0, to = text.length) => {
    // A window is searched in a slice of the text, so the engine never runs on past its end; the
    // slice keeps the code point before (for the boundary) and room after (for the name's end).
    const offset = Math.max(0, from - 2);
    const view = from === 0 && to >= text.length ? text : text.slice(offset, to + WINDOW_MARGIN);
    const base = view === text ? 0 : offset;
    const mentions: Candidate[] = [];
    pattern.lastIndex = from - base;
    for (let found = pattern.exec(view); found && found.index + base < to; found = pattern.exec(view)) {
      const owner = bySpelling.get(aliasKey(found[0], false)) ?? byKey.get(aliasKey(found[0]));
      if (owner !== undefined) {
        const start = found.index + base;
        mentions.push({ entityId: owner.entityId, start, end: start + found[0].length, when: owner.when });
      }
    }
    return mentions;
  };
}

/** The key two spellings of one alias share: lower case, runs of white space as one space. */
export function aliasKey(text: string, anyCase = true): string {
  return (anyCase ? text.toLowerCase() : text).replace(/\s+/gu, ' ');
}

/** The first alias to claim a spelling keeps it, so the dataset's order decides. */
function setOnce<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (!map.has(key)) map.set(key, value);
}

/** The spellings an alias's case rule allows; `insensitive` is handled in the pattern. */
function spellings(alias: Alias): string[] {
  const { text } = alias;
  if (alias.case !== 'capitalized') return [text];
  const capitalized = text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
  return [...new Set([text, capitalized, text.toUpperCase()])];
}

function aliasPattern(spelling: string, alias: Alias): string {
  const body = [...spelling].map((char) => charPattern(char, alias.case === 'insensitive')).join('');
  if (alias.boundary === 'none') return body;
  const suffix = alias.suffixes.length > 0 ? `(?:${alias.suffixes.map(escape).join('|')})?` : '';
  return `(?<!${WORD_CHAR})${body}(?=${suffix}(?!${WORD_CHAR}))`;
}

/** One character of a name as a pattern: any white space for a space, either case if `anyCase`. */
export function charPattern(char: string, anyCase: boolean): string {
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
