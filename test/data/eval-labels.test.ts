import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLabels, type LabelsFile } from '../../scripts/eval/labels';

const root = join(import.meta.dirname, '../..');
const raw: unknown = JSON.parse(readFileSync(join(root, 'test/fixtures/corpus-labels.json'), 'utf8'));
const traps = readdirSync(join(root, 'test/fixtures/eval-traps')).filter((name) => name.endsWith('.html'));

// Whether the labels still fit the pages needs a browser (npm run eval); this checks what can be
// checked without one, so a broken labels file fails the fast tiers too.
describe('the evaluation labels', () => {
  it('are well formed, every candidate decided, every false one explained', () => {
    expect(checkLabels(raw)).toEqual([]);
  });

  it('cover exactly the trap pages', () => {
    const keys = Object.keys((raw as LabelsFile).pages).filter((key) => key.startsWith('traps/'));
    expect(keys.sort()).toEqual(traps.map((name) => `traps/${name}`).sort());
  });

  it('hold, among the traps, mentions of each company and many false candidates', () => {
    const verdicts = Object.entries((raw as LabelsFile).pages)
      .filter(([key]) => key.startsWith('traps/'))
      .flatMap(([, page]) => page.candidates);
    for (const entity of ['tiktok', 'oracle', 'bytedance']) {
      expect(
        verdicts.some((v) => v.entity === entity),
        entity,
      ).toBe(true);
    }
    expect(verdicts.filter((v) => v.entity === null).length).toBeGreaterThan(50);
  });
});

const second: unknown = JSON.parse(readFileSync(join(root, 'test/fixtures/corpus-2-labels.json'), 'utf8'));
const secondCorpus = join(root, '../shared/corpus/pages-2');

describe('the second corpus labels', () => {
  it('are well formed, every candidate decided, every false one explained', () => {
    expect(checkLabels(second)).toEqual([]);
  });

  it('hold only the second corpus, and every page of it where it is present', () => {
    const keys = Object.keys((second as LabelsFile).pages).sort();
    expect(keys.every((key) => key.startsWith('corpus-2/'))).toBe(true);
    if (!existsSync(secondCorpus)) return;
    const pages = readdirSync(secondCorpus).filter((name) => /\.html?$/u.test(name));
    expect(keys).toEqual(pages.map((name) => `corpus-2/${name}`).sort());
  });
});
