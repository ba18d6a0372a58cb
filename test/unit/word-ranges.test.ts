import { expect, it } from 'vitest';
import { isWordCode } from '../../src/core/scan-words';
import { WORD_CHAR } from '../../src/core/word-char';
import { WORD_RANGE_STEPS } from '../../src/core/word-ranges';
import { wordRangeSteps } from '../../scripts/word-ranges';

it('holds the word characters of WORD_CHAR (else: node scripts/run-ts.mjs scripts/write-word-ranges.ts)', () => {
  expect(WORD_RANGE_STEPS).toEqual(wordRangeSteps());
});

it('tells a word character as the pattern does, in every script', () => {
  const pattern = new RegExp(`^${WORD_CHAR}$`, 'u');
  // Latin, accents, digits, underscore, combining marks, Greek, Cyrillic, Arabic, Hangul, the
  // scripts written without spaces (not word characters), punctuation, emoji and astral letters.
  for (const char of 'aZé9_\u0301ΩЖب한数カひไ -.,!?:’“🙂𝐀𐐀') {
    expect(isWordCode(char.codePointAt(0) ?? 0), char).toBe(pattern.test(char));
  }
});
