/**
 * Child process of the matcher benchmark (matcher-scaling.ts): prepares the real dataset's aliases,
 * and those plus `--generated N` made-up ones (as the build does), makes a matcher of each (as a
 * page does), then reads `--text FILE` (a page's text) in the content script's 64 KB windows, one
 * pass of each matcher in turn, so that both are timed in the same process under the same load
 * (in two processes one after the other, the ratio moved between 0.7× and 2.5× from run to run:
 * now and then a process ran 1.5× slower throughout, whichever matcher it held). It prints JSON
 * lines, each naming its `run` ("real" or "generated"): the number of aliases, the time to make
 * the matcher, then one line after each window, so the parent can stop a matcher that does not
 * scale and still know how far it got.
 *
 *   node scripts/run-ts.mjs scripts/bench/time-matcher.ts --text FILE --generated 10000 [--passes 3]
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { matcherFrom } from '../../src/core/match-mentions';
import { prepareMatching } from '../../src/core/prepare-matching';
import { loadDatasetFrom } from '../../test/support/fixture-dataset';
import { generatedEntities } from './generated-aliases';

/** The content script reads long texts in windows of this length (scan-page.ts). */
const WINDOW = 65_536;

const { values } = parseArgs({
  options: {
    text: { type: 'string' },
    generated: { type: 'string', default: '0' },
    passes: { type: 'string', default: '3' },
  },
});
if (!values.text) throw new Error('--text FILE is required');

const root = process.cwd();
const dataset = loadDatasetFrom(join(root, 'src/data'), join(root, 'src/data/schema.json'));
const entities = [...dataset.entities, ...generatedEntities(Number(values.generated))];
const text = await readFile(values.text, 'utf8');
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

const runs = { real: dataset.entities, generated: entities } as const;
try {
  const matchers = Object.entries(runs).map(([run, list]) => {
    say({ run, aliases: list.reduce((sum, entity) => sum + entity.aliases.length, 0) });
    const prepared = list.map(prepareMatching);
    // What a page pays: its aliases come prepared by the build.
    const compileStart = performance.now();
    const match = matcherFrom(prepared);
    match('x'); // engines compile a pattern at its first use
    say({ run, compileMs: performance.now() - compileStart });
    return { run, match };
  });
  for (let pass = 0; pass < Number(values.passes); pass++) {
    for (const { run, match } of matchers) {
      const start = performance.now();
      let mentions = 0;
      for (let from = 0; from < text.length; from += WINDOW) {
        mentions += match(text, from, from + WINDOW).length;
        say({ run, pass, read: Math.min(text.length, from + WINDOW), ms: performance.now() - start, mentions });
      }
    }
  }
} catch (error) {
  // The engine's message without the pattern it quotes (a megabyte for 10,000 aliases).
  say({ error: String(error instanceof Error ? error.message : error).replace(/\/.{80,}\/\w*:/su, '/…/:') });
  process.exitCode = 1;
}
