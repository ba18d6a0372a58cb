/**
 * The words and phrases of the dataset's context rules ("database", "Sun Microsystems",
 * "of <Name>"), found in a text by reading it word by word, as the matcher reads a page. No
 * regular expression: one made of many Unicode-aware word boundaries costs the engine
 * milliseconds to compile, paid again on every page that holds a name in need of context.
 *
 * How a phrase is written: a word written with a capital matches as written or in capitals
 * ("Neo", "NEO", never "neo"), a phrase in lower case in any casing; a space is any white space;
 * other characters stand for themselves ("pl/sql", "Corp."); `<Name>` is any capitalised word.
 * A phrase in a script written without spaces (数据库, データベース) is found wherever it stands.
 *
 * The build parses the phrases (`parsePhrases`, core/parse-rule-phrases.ts) and serves them to
 * the engine as JSON, so a page only puts them in maps (`new RulePhrases`).
 */
import type { ParsedList, ParsedPhrase } from './parse-rule-phrases';
import { scanWords, startsWord, wordHash } from './scan-words';

/** A word of a text: where it is and the hash of its lower-case form. */
interface Word {
  readonly start: number;
  readonly end: number;
  readonly hash: number;
}

/** A word of a phrase, with its hash as `scanWords` gives it, or any capitalised word (`name`). */
type Part = { readonly written: string; readonly hash: number } | { readonly name: true };

const NAME: Part = { name: true };
const NOTHING: readonly string[] = [];

/** A phrase ready to be found. */
interface Phrase {
  /** Which list the phrase is from. */
  readonly list: number;
  /** Its place among all the phrases, in list order. */
  readonly order: number;
  readonly parts: readonly Part[];
  /** What stands between two parts, white space as one space. */
  readonly between: readonly string[];
  /** What follows the last part ("." of "Corp."). */
  readonly trail: string;
  /** Written with a capital: matches as written or in capitals only (else it is in lower case). */
  readonly capitalized: boolean;
}

/** Where a phrase was found: from its first word to its end. */
interface Found {
  readonly list: number;
  readonly start: number;
  readonly end: number;
  /** Index of the first word after it. */
  readonly next: number;
}

/** Lists of rule phrases, ready to be found in a text; every answer says which list. */
export class RulePhrases {
  /** The phrases by the hash of their first word, in list order. */
  readonly #byFirstWord = new Map<number, Phrase[]>();
  /** Phrases that start with `<Name>`, in list order. */
  readonly #nameFirst: Phrase[] = [];
  /** The most words in one phrase. */
  #longest = 1;
  readonly #unspaced: { readonly text: string; readonly list: number }[] = [];

  /** From the lists as the build parsed them (`parsePhrases`). */
  constructor(lists: readonly ParsedList[]) {
    let order = 0;
    lists.forEach(({ worded, unspaced }, list) => {
      for (const text of unspaced) this.#unspaced.push({ text, list });
      for (const parsed of worded) {
        const phrase = phraseOf(parsed, list, order++);
        this.#longest = Math.max(this.#longest, phrase.parts.length);
        const first = phrase.parts[0];
        if (!first) continue;
        if ('name' in first) this.#nameFirst.push(phrase);
        else {
          const phrases = this.#byFirstWord.get(first.hash);
          if (phrases) phrases.push(phrase);
          else this.#byFirstWord.set(first.hash, [phrase]);
        }
      }
    });
  }

  /**
   * How many phrases of each list the text holds, read left to right, a phrase's words never
   * counted twice (`counts[list]`, added to).
   */
  count(text: string, counts: number[]): void {
    const words = wordsOf(text);
    for (let i = 0; i < words.length;) {
      const found = this.#foundAt(text, words, i);
      if (!found) {
        i++;
        continue;
      }
      counts[found.list] = (counts[found.list] ?? 0) + 1;
      i = found.next;
    }
    for (const { text: phrase, list } of this.#unspaced) {
      for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) {
        counts[list] = (counts[list] ?? 0) + 1;
      }
    }
  }

  /** The list of a phrase that ends the text, followed by white space only (and some). */
  listEnding(text: string): number | undefined {
    const trimmed = text.trimEnd();
    const unspaced = this.#unspaced.find((phrase) => trimmed.endsWith(phrase.text));
    if (unspaced) return unspaced.list;
    const words = wordsOf(text);
    // The phrase that starts first (the longest) wins, as in a search from the left.
    for (let i = 0; i < words.length; i++) {
      for (const phrase of this.#phrasesAt(text, words, i)) {
        const end = matchEnd(phrase, text, words, i);
        if (end !== undefined && end < text.length && text.slice(end).trim() === '') return phrase.list;
      }
    }
    return undefined;
  }

  /**
   * The list of a phrase at the start of the text, after a lead of white space (at least one
   * character), or of white space and dashes (`dashes`: none needed).
   */
  listStarting(text: string, lead: 'space' | 'spaceOrDash'): number | undefined {
    // Written without spaces, a phrase may follow the name directly (甲骨文公司).
    const rest = text.replace(/^[\s\-–]*/u, '');
    const unspaced = this.#unspaced.find((phrase) => rest.startsWith(phrase.text));
    if (unspaced) return unspaced.list;
    const words = wordsOf(text, this.#longest);
    const first = words[0];
    if (!first) return undefined;
    const before = text.slice(0, first.start);
    const leads = lead === 'space' ? before.length > 0 && before.trim() === '' : /^[\s\-–]*$/u.test(before);
    return leads ? this.#foundAt(text, words, 0)?.list : undefined;
  }

  /** The first phrase, in list order, found at word `i`. */
  #foundAt(text: string, words: readonly Word[], i: number): Found | undefined {
    for (const phrase of this.#phrasesAt(text, words, i)) {
      const end = matchEnd(phrase, text, words, i);
      if (end === undefined) continue;
      let next = i + phrase.parts.length;
      while ((words[next]?.start ?? Infinity) < end) next++;
      return { list: phrase.list, start: words[i]?.start ?? 0, end, next };
    }
    return undefined;
  }

  /** The phrases that may start at word `i`, in list order. */
  #phrasesAt(text: string, words: readonly Word[], i: number): readonly Phrase[] {
    const word = words[i];
    if (!word) return [];
    const byWord = this.#byFirstWord.get(word.hash) ?? [];
    if (this.#nameFirst.length === 0 || !isCapitalised(text, word)) return byWord;
    return [...byWord, ...this.#nameFirst].sort((a, b) => a.order - b.order);
  }
}

/** The words of `text`, up to `limit` of them. */
function wordsOf(text: string, limit = Infinity): Word[] {
  const words: Word[] = [];
  scanWords(text, 0, text.length, (start, end, hash) => {
    if (words.length < limit) words.push({ start, end, hash });
    return words.length < limit ? end : text.length;
  });
  return words;
}

/** Where `phrase` ends if it starts at word `i` of the text, else undefined. */
function matchEnd(phrase: Phrase, text: string, words: readonly Word[], i: number): number | undefined {
  let inCapitals: boolean | undefined;
  for (const [j, part] of phrase.parts.entries()) {
    const word = words[i + j];
    if (!word) return undefined;
    if (j > 0) {
      const gap = text.slice(words[i + j - 1]?.end ?? 0, word.start).replace(/\s+/gu, ' ');
      if (gap !== phrase.between[j - 1]) return undefined;
    }
    if ('name' in part) {
      if (!isCapitalised(text, word)) return undefined;
      continue;
    }
    if (word.hash !== part.hash) return undefined;
    const spelled = text.slice(word.start, word.end);
    if (!phrase.capitalized) {
      // Written in lower case: any casing of it.
      if (spelled.toLowerCase() !== part.written) return undefined;
      continue;
    }
    // As written throughout, or in capitals throughout.
    const upper = part.written.toUpperCase();
    const asWritten = spelled === part.written;
    if (!asWritten && spelled !== upper) return undefined;
    if (asWritten !== (spelled === upper)) {
      if (inCapitals === undefined) inCapitals = !asWritten;
      else if (inCapitals === asWritten) return undefined;
    }
  }
  const last = words[i + phrase.parts.length - 1];
  if (!last || !text.startsWith(phrase.trail, last.end)) return undefined;
  const end = last.end + phrase.trail.length;
  return phrase.trail && startsWord(text, end) ? undefined : end;
}

/** Whether a word starts with a capital letter. */
function isCapitalised(text: string, word: Word): boolean {
  const first = String.fromCodePoint(text.codePointAt(word.start) ?? 0);
  return hasCapital(first) && first === first.toUpperCase();
}

/** A parsed phrase of list `list`, ready to be found. */
function phraseOf(parsed: ParsedPhrase, list: number, order: number): Phrase {
  if (typeof parsed === 'string') {
    return { list, order, parts: [wordOf(parsed)], between: NOTHING, trail: '', capitalized: hasCapital(parsed) };
  }
  const { words, between, trail = '', capitalized } = parsed;
  return {
    list,
    order,
    parts: words.map((written) => (written === null ? NAME : wordOf(written))),
    between: between ?? words.slice(1).map(() => ' '),
    trail,
    capitalized: capitalized === true,
  };
}

const wordOf = (written: string): Part => ({ written, hash: wordHash(written) });

/** Whether the text holds a capital letter (a letter that lower case changes). */
export const hasCapital = (text: string): boolean => text !== text.toLowerCase();
