/**
 * The dataset's rule phrases parsed into words and what stands between them (how a phrase is
 * written: core/rule-phrases.ts). Done by the build, which serves them to the engine as JSON, so a
 * page only puts them in maps (`new RulePhrases`).
 */
import { hasCapital } from './rule-phrases';
import { scanWords } from './scan-words';

/**
 * A phrase as the build parses it (`parsePhrases`), in plain data served to the engine as JSON. A
 * phrase that is one word ("database") stays that word. Any other is its words as written (`null`
 * for `<Name>`); what stands between them (white space as one space), unless one space each; what
 * follows the last ("." of "Corp."), if anything; and `capitalized` if written with a capital.
 */
export type ParsedPhrase =
  | string
  | {
      readonly words: readonly (string | null)[];
      readonly between?: readonly string[];
      readonly trail?: string;
      readonly capitalized?: true;
    };

/** One list of phrases, parsed. */
export interface ParsedList {
  /** The phrases made of words. */
  readonly worded: readonly ParsedPhrase[];
  /** Phrases with no word in the scanner's sense (Chinese, Japanese), found as they are written. */
  readonly unspaced: readonly string[];
}

/**
 * Lists of phrases as written in the dataset, parsed into words and what stands between them:
 * done by the build, so a page only puts them in maps (`new RulePhrases`).
 */
export function parsePhrases(lists: readonly (readonly string[])[]): ParsedList[] {
  return lists.map((phrases) => {
    const worded: ParsedPhrase[] = [];
    const unspaced: string[] = [];
    for (const text of phrases) {
      const phrase = parsePhrase(text);
      if (phrase) worded.push(phrase);
      else unspaced.push(text);
    }
    return { worded, unspaced };
  });
}

/** A phrase as written in the dataset, as words and what stands between them; none if it has no word. */
function parsePhrase(text: string): ParsedPhrase | undefined {
  const words: (string | null)[] = [];
  const between: string[] = [];
  let gap = '';
  for (const piece of text.split(/(<Name>)/u)) {
    if (piece === '<Name>') {
      if (words.length > 0) between.push(gap);
      words.push(null);
      gap = '';
      continue;
    }
    let at = 0;
    scanWords(piece, 0, piece.length, (start, end) => {
      gap += piece.slice(at, start);
      if (words.length > 0) between.push(gap.replace(/\s+/gu, ' '));
      words.push(piece.slice(start, end));
      gap = '';
      at = end;
      return end;
    });
    gap += piece.slice(at);
  }
  if (words.length === 0) return undefined;
  if (words.length === 1 && words[0] === text) return text;
  // Only what differs from the usual (one space between words, nothing after), to keep it short.
  return {
    words,
    ...(between.some((space) => space !== ' ') && { between }),
    ...(gap && { trail: gap }),
    ...(hasCapital(text.replace('<Name>', '')) && { capitalized: true }),
  };
}
