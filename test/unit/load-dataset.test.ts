import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset, jsonPath, type DatasetFileName } from '../../src/data/load-dataset';
import { errorOf } from '../support/dataset-error';

const fixtures = join(import.meta.dirname, '../fixtures/dataset');
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/data/schema.json'), 'utf8')) as object;
const read = (file: DatasetFileName): string => readFileSync(join(fixtures, file), 'utf8');
const valid = (): Record<DatasetFileName, string> => ({
  'entities.json': read('entities.json'),
  'events.json': read('events.json'),
  'status.json': read('status.json'),
});

/** Loads the fixture dataset after `edit` changed one parsed file. */
function loadEdited(file: DatasetFileName, edit: (json: any) => void) {
  const texts = valid();
  const json = JSON.parse(texts[file]);
  edit(json);
  texts[file] = JSON.stringify(json);
  return loadDataset(texts, schema);
}

describe('loadDataset', () => {
  it('loads a valid dataset and fills in the alias defaults', () => {
    const dataset = loadDataset(valid(), schema);
    expect(dataset.asOf).toBe('2026-05-15');
    expect(dataset.entities.map((e) => e.id)).toEqual(['tiktok', 'oracle', 'bytedance', 'microsoft']);
    expect(dataset.entities[1]!.aliases[1]).toEqual({
      text: 'Oracle Corporation',
      case: 'exact',
      boundary: 'word',
      suffixes: [],
      prefixes: [],
      when: 'always',
    });
    expect(dataset.events).toHaveLength(2);
    expect(dataset.statuses).toHaveLength(3);
  });

  it('names the file and the reason for JSON that does not parse', () => {
    const texts = valid();
    texts['events.json'] = '{"events": [';
    const error = errorOf(() => loadDataset(texts, schema));
    expect(error.file).toBe('events.json');
    expect(error.path).toBe('$');
    expect(error.reason).toMatch(/not valid JSON/);
  });

  it.each<[string, DatasetFileName, (json: any) => void, string, RegExp]>([
    [
      'an alias that needs context its entity does not give',
      'entities.json',
      (j) => (j.entities[1].aliases[0].when = 'context'),
      '$.entities[1].aliases[0].when',
      /needs the entity's "context"/,
    ],
    [
      'a word-bounded alias that does not start a word',
      'entities.json',
      (j) => (j.entities[1].aliases[0].text = '$ORCL'),
      '$.entities[1].aliases[0].text',
      /must start with a letter or digit/,
    ],
    [
      'another sense without a why',
      'entities.json',
      (j) => (j.entities[1].context = { world: ['database'], otherSenses: [{ words: ['Delphi'] }] }),
      '$.entities[1].context.otherSenses[0]',
      /must have required property 'why'/,
    ],
    [
      'a malformed date',
      'events.json',
      (j) => (j.events[1].date = '14/09/2020'),
      '$.events[1].date',
      /must match pattern/,
    ],
    [
      'a day that does not exist',
      'events.json',
      (j) => (j.events[1].date = '2020-09-31'),
      '$.events[1].date',
      /not a calendar date/,
    ],
    [
      'a missing source',
      'events.json',
      (j) => (j.events[0].sources = []),
      '$.events[0].sources',
      /must NOT have fewer than 1 items/,
    ],
    [
      'an http source',
      'events.json',
      (j) => (j.events[0].sources[0].url = 'http://example.com/'),
      '$.events[0].sources[0].url',
      /pattern/,
    ],
    [
      'a source without its kind',
      'events.json',
      (j) => delete j.events[0].sources[0].kind,
      '$.events[0].sources[0]',
      /must have required property 'kind'/,
    ],
    [
      'a check before the as-of date',
      'status.json',
      (j) => (j.checkedOn = '2026-01-01'),
      '$.checkedOn',
      /cannot be checked \(2026-01-01\) before its asOf \(2026-05-15\)/,
    ],
    [
      'an unknown field',
      'events.json',
      (j) => (j.events[0].colour = 'red'),
      '$.events[0]',
      /additional properties \("colour"\)/,
    ],
    [
      'a wrong enum value',
      'entities.json',
      (j) => (j.entities[0].aliases[0].case = 'lower'),
      '$.entities[0].aliases[0].case',
      /one of "exact"/,
    ],
    ['events out of order', 'events.json', (j) => j.events.reverse(), '$.events[1].date', /sorted by date/],
    ['a duplicate event id', 'events.json', (j) => (j.events[1].id = j.events[0].id), '$.events[1].id', /duplicate id/],
    [
      'an unknown entity in an event',
      'events.json',
      (j) => (j.events[0].entities = ['walmart']),
      '$.events[0].entities[0]',
      /unknown entity id "walmart"/,
    ],
    [
      'an unknown related entity',
      'entities.json',
      (j) => j.entities[0].related.push('nobody'),
      '$.entities[0].related[2]',
      /unknown entity id "nobody"/,
    ],
    [
      'an alias claimed twice',
      'entities.json',
      (j) => (j.entities[3].aliases[0].text = 'TIKTOK'),
      '$.entities[3].aliases[0].text',
      /already claimed by "tiktok"/,
    ],
    [
      'a duplicate entity id',
      'entities.json',
      (j) => (j.entities[3].id = 'oracle'),
      '$.entities[3].id',
      /duplicate id "oracle"/,
    ],
    [
      'a missing company',
      'entities.json',
      (j) => j.entities.splice(2, 1),
      '$.entities[0].related[0]',
      /unknown entity id "bytedance"/,
    ],
    ['a company without status', 'status.json', (j) => j.statuses.pop(), '$.statuses', /no status for "bytedance"/],
    [
      'a status for an unknown entity',
      'status.json',
      (j) => (j.statuses[0].entity = 'x'),
      '$.statuses[0].entity',
      /unknown entity id "x"/,
    ],
    [
      'a file without its key',
      'status.json',
      (j) => (delete j.asOf, delete j.statuses),
      '$',
      /must be an object with the key "statuses"/,
    ],
  ])('reports %s with the file, the JSON path and the reason', (_, file, edit, path, reason) => {
    const error = errorOf(() => loadEdited(file, edit));
    expect(error.file).toBe(file);
    expect(error.path).toBe(path);
    expect(error.reason).toMatch(reason);
    expect(error.message).toBe(`${file} at ${path}: ${error.reason}`);
  });

  it('refuses an event later than the as-of date, pointing at the event', () => {
    const error = errorOf(() => loadEdited('status.json', (j) => (j.asOf = '2020-09-13')));
    expect([error.file, error.path]).toEqual(['events.json', '$.events[1].date']);
    expect(error.reason).toMatch(/later than the dataset's asOf \(2020-09-13\)/);
  });

  it('turns JSON pointers into JSON paths', () => {
    expect(jsonPath('')).toBe('$');
    expect(jsonPath('/events/12/sources/0/url')).toBe('$.events[12].sources[0].url');
    expect(jsonPath('/a~1b/c~0d')).toBe('$.a/b.c~d');
  });
});
