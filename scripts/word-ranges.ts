/**
 * The word characters of src/core/word-char.ts as ranges of code points, for
 * src/core/word-ranges.ts (written by scripts/write-word-ranges.ts; its test compares the two).
 */
import { WORD_CHAR } from '../src/core/word-char';

/** The steps of src/core/word-ranges.ts: each bound's distance from the one before. */
export function wordRangeSteps(): number[] {
  const pattern = new RegExp(`^${WORD_CHAR}$`, 'u');
  const bounds: number[] = [];
  let inside = false;
  for (let code = 0; code <= 0x110000; code++) {
    const word = code < 0x110000 && (code < 0xd800 || code > 0xdfff) && pattern.test(String.fromCodePoint(code));
    if (word !== inside) {
      bounds.push(code);
      inside = word;
    }
  }
  return bounds.map((bound, i) => bound - (bounds[i - 1] ?? 0));
}

/** The source of src/core/word-ranges.ts. */
export function wordRangesSource(steps: readonly number[]): string {
  const lines: string[] = [];
  for (let i = 0; i < steps.length; i += 16) lines.push(`  ${steps.slice(i, i + 16).join(', ')},`);
  return `/**
 * The word characters (word-char.ts) as ranges of code points, written by
 * \`node scripts/run-ts.mjs scripts/write-word-ranges.ts\`: looking a character up here costs a
 * page nothing to set up, where the pattern's Unicode classes cost milliseconds to compile.
 * test/unit/word-ranges.test.ts checks it against the pattern. Each number is the distance from
 * the one before: the start of a range, its end (excluded), the start of the next...
 */
export const WORD_RANGE_STEPS: readonly number[] = [
${lines.join('\n')}
];
`;
}
