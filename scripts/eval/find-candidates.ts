/**
 * The candidates of a page: every place in its body text where one of the three companies could be
 * named. Deliberately broad (any case, inside words too), so that every true mention is one of them
 * and a name the detection misses is counted, never lost.
 */

/** A possible name in the body text: `text.slice(start, end)`. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The candidate in its context, as labels quote it (see `ContextText.around`). */
  readonly context: string;
}

/**
 * Tik Tok (run together, or with a space or hyphen), oracle, ORCL (Oracle's ticker), Byte Dance
 * (the same), and the names in Chinese and Japanese: 字节跳动 (traditional 字節跳動), 甲骨文 (Oracle,
 * and the oracle-bone script), バイトダンス, オラクル, ティックトック; any case, with no word
 * boundary ("tiktoklover99" is a candidate).
 */
const CANDIDATE =
  /tik[\s-]?tok|oracle|orcl|byte[\s-]?dance|字节跳动|字節跳動|甲骨文|バイトダンス|オラクル|ティックトック/giu;

/** Characters of context on each side of a candidate in a label. */
export const CONTEXT_CHARS = 35;

/** Every candidate in `text`, in order. */
export function findCandidates(text: string, context = new ContextText(text)): Candidate[] {
  return [...text.matchAll(CANDIDATE)].map((found) => {
    const start = found.index;
    const end = start + found[0].length;
    return { start, end, text: found[0], context: context.around(start, end) };
  });
}

/** Marks a candidate inside its context, the way labels write it. */
export const mark = (text: string) => `[[${text}]]`;

/**
 * The body text with every run of white space as one space, mapped back to the original offsets,
 * so contexts read the same whatever the page's indentation and line breaks.
 */
export class ContextText {
  readonly #collapsed: string;
  /** For each offset of the original text (and its end), the offset in `#collapsed`. */
  readonly #at: Int32Array;

  constructor(text: string) {
    const at = new Int32Array(text.length + 1);
    const out: string[] = [];
    let length = 0;
    let inSpace = false;
    for (let i = 0; i < text.length; i++) {
      at[i] = length;
      const space = /\s/u.test(text.charAt(i));
      if (space && inSpace) continue;
      inSpace = space;
      out.push(space ? ' ' : text.charAt(i));
      length++;
    }
    at[text.length] = length;
    this.#collapsed = out.join('');
    this.#at = at;
  }

  /**
   * `text[start, end)` marked with `[[ ]]`, with up to `chars` collapsed characters on each side
   * (never half a surrogate pair), trimmed at the outer ends.
   */
  around(start: number, end: number, chars = CONTEXT_CHARS): string {
    const from = this.#at[start] ?? 0;
    const to = this.#at[end] ?? 0;
    const text = this.#collapsed;
    const left = text.slice(whole(text, Math.max(0, from - chars)), from).trimStart();
    const right = text.slice(to, whole(text, Math.min(text.length, to + chars))).trimEnd();
    return `${left}${mark(text.slice(from, to))}${right}`;
  }

  /** `count` collapsed characters just before (`side` -1) or after (+1) `text[start, end)`. */
  beside(start: number, end: number, side: -1 | 1, count: number): string {
    const text = this.#collapsed;
    if (side < 0) {
      const to = this.#at[start] ?? 0;
      return text.slice(Math.max(0, to - count), to);
    }
    const from = this.#at[end] ?? 0;
    return text.slice(from, from + count);
  }
}

/** Moves an offset off the second half of a surrogate pair. */
function whole(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff ? offset + 1 : offset;
}
