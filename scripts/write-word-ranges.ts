/** Writes src/core/word-ranges.ts from WORD_CHAR: run after changing it (see scripts/word-ranges.ts). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wordRangeSteps, wordRangesSource } from './word-ranges';

const steps = wordRangeSteps();
writeFileSync(join(process.cwd(), 'src/core/word-ranges.ts'), wordRangesSource(steps));
console.log(`src/core/word-ranges.ts: ${steps.length / 2} ranges`);
