import { WORD_RANGE_STEPS } from './word-ranges';

/**
 * Reads a string word by word at the cost of one look at each character, with no allocation:
 * each word is reported by its start, its end and a hash of its lower-case form, which is all a
 * matcher needs to skip the words no name starts with. A word is a run of letters, marks, digits
 * and underscores (what a name must not touch), in code points, so an emoji is never part of one.
 */

/** The bounds of the word characters' ranges (word-char.ts, as word-ranges.ts holds them). */
const WORD_BOUNDS = new Uint32Array(WORD_RANGE_STEPS.length);
WORD_RANGE_STEPS.reduce((bound, step, i) => (WORD_BOUNDS[i] = bound + step), 0);

/** Whether `code` is in one of the ranges: after an odd number of bounds. */
function inWordRange(code: number): boolean {
  let low = 0;
  let high = WORD_BOUNDS.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((WORD_BOUNDS[middle] ?? 0) <= code) low = middle + 1;
    else high = middle;
  }
  return low % 2 === 1;
}

/** Per BMP code unit: 0 not yet known, 1 a word character, 2 not. Filled as characters are met. */
const bmpKinds = new Uint8Array(65_536);
/** Per BMP code unit: its lower-case code unit, plus one (0: not yet known). */
let bmpLower: Uint16Array | undefined;

for (let code = 0; code < 128; code++) bmpKinds[code] = inWordRange(code) ? 1 : 2;

/** Whether the code point `code` is a word character. */
export function isWordCode(code: number): boolean {
  if (code >= 65_536) return inWordRange(code);
  let kind = bmpKinds[code] ?? 0;
  if (kind === 0) bmpKinds[code] = kind = inWordRange(code) ? 1 : 2;
  return kind === 1;
}

/** The lower-case form of one code unit, when it is one code unit; else the unit itself. */
function lowerUnit(unit: number): number {
  if (unit < 128) return unit >= 65 && unit <= 90 ? unit + 32 : unit;
  bmpLower ??= new Uint16Array(65_536);
  let lower = bmpLower[unit] ?? 0;
  if (lower === 0) {
    const folded = String.fromCharCode(unit).toLowerCase();
    bmpLower[unit] = lower = (folded.length === 1 ? folded.charCodeAt(0) : unit) + 1;
  }
  return lower - 1;
}

/** The hash `scanWords` gives a word, for a word given as a string. */
export function wordHash(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) {
    // ASCII without a call: the engine hashes its rules' words on the page, in code not yet optimised.
    const unit = word.charCodeAt(i);
    const lower = unit < 128 ? (unit >= 65 && unit <= 90 ? unit + 32 : unit) : lowerUnit(unit);
    hash = (Math.imul(hash, 31) + lower) | 0;
  }
  return hash;
}

/** The code point at `i` and its length in code units; `i` must be inside `text`. */
function codeAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  return unit >= 0xd800 && unit <= 0xdbff ? (text.codePointAt(i) ?? unit) : unit;
}

/** Whether a word character starts at `i`. */
export function startsWord(text: string, i: number): boolean {
  return i < text.length && isWordCode(codeAt(text, i));
}

/** Whether a word character ends right before `i`, so `i` cannot start a word. */
export function isInsideWord(text: string, i: number): boolean {
  if (i <= 0) return false;
  const unit = text.charCodeAt(i - 1);
  if (unit >= 0xdc00 && unit <= 0xdfff && i >= 2) return isWordCode(text.codePointAt(i - 2) ?? unit);
  return isWordCode(unit);
}

/** The end of the word that covers `i`, or `i` when no word does. */
export function wordEnd(text: string, i: number): number {
  while (i < text.length) {
    const code = codeAt(text, i);
    if (!isWordCode(code)) break;
    i += code > 0xffff ? 2 : 1;
  }
  return i;
}

/**
 * Calls `onWord(start, end, hash)` for each word that starts in `text[from, to)` and at no
 * character of a word; `onWord` returns where to go on (its `end`, or past a name it found).
 */
export function scanWords(
  text: string,
  from: number,
  to: number,
  onWord: (start: number, end: number, hash: number) => number,
): void {
  let i = isInsideWord(text, from) ? wordEnd(text, from) : from;
  const length = text.length;
  const end = Math.min(to, length);
  while (i < end) {
    const first = text.charCodeAt(i);
    if (first < 128 ? bmpKinds[first] !== 1 : !isWordCode(codeAt(text, i))) {
      i += codeAt(text, i) > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let hash = 0;
    while (i < length) {
      const unit = text.charCodeAt(i);
      if (unit < 128) {
        if (bmpKinds[unit] !== 1) break;
        hash = (Math.imul(hash, 31) + (unit >= 65 && unit <= 90 ? unit + 32 : unit)) | 0;
        i++;
      } else {
        const next = codeAt(text, i);
        if (!isWordCode(next)) break;
        if (next > 0xffff) {
          hash = (Math.imul(Math.imul(hash, 31) + text.charCodeAt(i), 31) + text.charCodeAt(i + 1)) | 0;
          i += 2;
        } else {
          hash = (Math.imul(hash, 31) + lowerUnit(unit)) | 0;
          i++;
        }
      }
    }
    const next = onWord(start, i, hash);
    // Past a name that ends inside a word (before a suffix), the rest of that word is no start.
    if (next > i) i = isInsideWord(text, next) ? wordEnd(text, next) : next;
  }
}
