import { readdirSync, readFileSync } from 'node:fs';
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
