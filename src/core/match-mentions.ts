import type { AliasWhen, EntityId } from './dataset-types';
import { scanWords, startsWord, wordHash } from './scan-words';

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

/** Bits of the filter of first words: with 10,000 aliases about 4% of a page's words pass it. */
const FILTER_BITS = 18;

/** A spelling of an alias as a pattern: its case rule, any white space for a space. */
export interface SpellingPattern {
  readonly pattern: string;
  /** The spelling's length: where several fit at one place, the longest is taken. */
  readonly length: number;
}

/**
 * A spelling of an alias that stands as a word, as the build prepares it (prepare-aliases.ts):
 * tried wherever one of its first words stands.
 */
export interface PreparedSpelling extends SpellingPattern {
  /** The words it may start: its first word, with a prefix or a suffix ("isOracle", "TikToks"). */
  readonly firstWords: readonly string[];
  /** What may follow the name inside its word ("s" of "TikToks"), if anything. */
  readonly suffixes?: readonly string[];
  /** How many characters of a prefix ("is" of "isOracle") come before the name in the pattern, if any. */
  readonly skip?: number;
}

/**
 * An entity's aliases as the build prepares them for the matcher (prepare-aliases.ts): plain
 * data, served to the engine as JSON, so a page only puts it in maps.
 */
export interface PreparedAliases {
  /** The spellings that stand as words, in the dataset's order. */
  readonly atWords: readonly PreparedSpelling[];
  /** The spellings found wherever they stand (names written without spaces: Chinese). */
  readonly unbounded: readonly SpellingPattern[];
  /**
   * Which alias a found name is, by its exact spelling (`aliasKey(name, false)`), under its
   * alias's rule: `{ always: ['TikTok'], context: ['Tik Tok'] }`.
   */
  readonly exact: SpellingsByRule;
  /** Then, for the aliases in any casing, by `aliasKey(name)`. */
  readonly anyCase: SpellingsByRule;
}

/** Spellings under the rule of their alias for when it is the entity. */
export type SpellingsByRule = { readonly [when in AliasWhen]?: readonly string[] };

const RULES: readonly AliasWhen[] = ['always', 'context', 'nearby'];

/** A spelling ready to be tried where its first word stands. */
interface Compiled {
  readonly body: RegExp;
  readonly suffixes: readonly string[];
  readonly skip: number;
}

/**
 * The matcher of `entities`' prepared aliases, which reads a string once, at the same cost
 * whatever the number of aliases: the string is read word by word, and only at a word that
 * starts some alias (a hashed first word, looked up in a bit filter, then a map) is a pattern
 * tried, the patterns of the aliases starting with that word, longest first. The case rule is in
 * each pattern; the end of the name (a suffix, then no word character) is checked after it.
 * Names written without spaces (Chinese) have a pattern of their own.
 */
export function matcherFrom(
  entities: readonly { readonly id: EntityId; readonly aliases: PreparedAliases }[],
): MatchMentions {
  // Which alias a found name is: its exact spelling first ("TikTok" may be sure where "Tiktok"
  // needs context), then any casing for the aliases whose case rule allows it. The first entity
  // to claim a spelling keeps it, so the dataset's order decides.
  const bySpelling = new Map<string, { entityId: EntityId; when: AliasWhen }>();
  const byKey = new Map<string, { entityId: EntityId; when: AliasWhen }>();
  const byFirstWord = new Map<number, PreparedSpelling[]>();
  const unbounded: SpellingPattern[] = [];
  for (const { id: entityId, aliases } of entities) {
    for (const when of RULES) {
      for (const spelling of aliases.exact[when] ?? []) setOnce(bySpelling, spelling, { entityId, when });
      for (const key of aliases.anyCase[when] ?? []) setOnce(byKey, key, { entityId, when });
    }
    for (const spelling of aliases.atWords) {
      for (const word of spelling.firstWords) {
        const hash = wordHash(word);
        const list = byFirstWord.get(hash);
        if (list) list.push(spelling);
        else byFirstWord.set(hash, [spelling]);
      }
    }
    unbounded.push(...aliases.unbounded);
  }
  const filter = new Uint32Array(1 << (FILTER_BITS - 5));
  const slot = (hash: number) => (hash >>> 5) & (filter.length - 1);
  for (const hash of byFirstWord.keys()) filter[slot(hash)] = (filter[slot(hash)] ?? 0) | (1 << (hash & 31));
  // The spellings that start with a word, longest first, compiled when a page first holds it.
  const compiled = new Map<number, readonly Compiled[]>();
  const spellingsFor = (hash: number): readonly Compiled[] => {
    let found = compiled.get(hash);
    if (!found) {
      const entries = [...(byFirstWord.get(hash) ?? [])].sort((a, b) => b.length - a.length);
      found = entries.map((entry) => ({
        body: new RegExp(entry.pattern, 'uy'),
        suffixes: entry.suffixes ?? [],
        skip: entry.skip ?? 0,
      }));
      compiled.set(hash, found);
    }
    return found;
  };
  const unboundedPattern = unbounded.length > 0 ? new RegExp(longestFirst(unbounded), 'gu') : undefined;

  return (text, from = 0, to = text.length) => {
    const mentions: Candidate[] = [];
    const found = (start: number, name: string): number => {
      const owner = bySpelling.get(aliasKey(name, false)) ?? byKey.get(aliasKey(name));
      if (owner) mentions.push({ entityId: owner.entityId, start, end: start + name.length, when: owner.when });
      return start + name.length;
    };
    scanWords(text, from, to, (start, end, hash) => {
      if (((filter[slot(hash)] ?? 0) & (1 << (hash & 31))) === 0) return end;
      for (const spelling of spellingsFor(hash)) {
        spelling.body.lastIndex = start;
        const name = spelling.body.exec(text)?.[0];
        if (name !== undefined && standsAlone(text, start + name.length, spelling.suffixes)) {
          return found(start + spelling.skip, name.slice(spelling.skip));
        }
      }
      return end;
    });
    if (unboundedPattern) {
      // Searched in a slice of the text, so the engine never runs on past the window's end.
      const view = text.slice(from, to + WINDOW_MARGIN);
      unboundedPattern.lastIndex = 0;
      const words = mentions.length;
      for (let m = unboundedPattern.exec(view); m && m.index + from < to; m = unboundedPattern.exec(view)) {
        found(m.index + from, m[0]);
      }
      if (mentions.length > words) return withoutOverlaps(mentions);
    }
    return mentions;
  };
}

/** The alternatives of one pattern, longest first: at one place the first that fits is taken. */
function longestFirst(entries: readonly SpellingPattern[]): string {
  return [...entries]
    .sort((a, b) => b.length - a.length)
    .map((entry) => entry.pattern)
    .join('|');
}

/** Mentions in text order, a later one dropped where it overlaps an earlier or longer one. */
function withoutOverlaps(mentions: Candidate[]): Candidate[] {
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const mention of mentions) if (mention.start >= (kept.at(-1)?.end ?? 0)) kept.push(mention);
  return kept;
}

/** The key two spellings of one alias share: lower case, runs of white space as one space. */
export function aliasKey(text: string, anyCase = true): string {
  return (anyCase ? text.toLowerCase() : text).replace(/\s+/gu, ' ');
}

/** The first alias to claim a spelling keeps it, so the dataset's order decides. */
function setOnce<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (!map.has(key)) map.set(key, value);
}

/** Whether a name ending at `i` stands as a word: then nothing or one of its suffixes, and no word character. */
function standsAlone(text: string, i: number, suffixes: readonly string[]): boolean {
  return (
    !startsWord(text, i) ||
    suffixes.some((suffix) => text.startsWith(suffix, i) && !startsWord(text, i + suffix.length))
  );
}
