import { describe, expect, it } from 'vitest';
import { cardModel, MAX_KEY_EVENTS } from '../../src/core/card-model';
import type { Dataset, DealEvent } from '../../src/core/dataset-types';
import { formatDate } from '../../src/core/format-date';
import { fixtureDataset } from '../support/fixture-dataset';

const event = (id: string, date: string, importance: 1 | 2 | 3, entities = ['tiktok']): DealEvent => ({
  id,
  date,
  title: id,
  summary: id,
  entities,
  sources: [{ url: 'https://example.com/', publisher: 'P', title: 'T', date: null, kind: 'primary' }],
  confidence: 'verified',
  importance,
});

describe('cardModel', () => {
  it('gives identity, role, status with its dates, and related entities by name', () => {
    const model = cardModel(fixtureDataset(), 'oracle')!;
    expect(model.name).toBe('Oracle');
    expect(model.identity).toBe('US database and cloud company.');
    expect(model.now).toMatchObject({ text: 'A 15% managing investor.', since: '2026-01-22' });
    expect(model.asOf).toBe('2026-05-15');
    expect(model.checkedOn).toBe('2026-11-30');
    expect(model.related).toEqual([{ id: 'tiktok', name: 'TikTok' }]);
  });

  it('keeps the turning points first, then the latest and those that opened a chapter, newest first', () => {
    const dataset: Dataset = {
      ...fixtureDataset(),
      events: [
        event('a', '2012-03', 3),
        event('b', '2020-08-06', 3),
        event('c', '2020-09-01', 1),
        event('d', '2021-01-01', 2),
        event('e', '2022-06-17', 3),
        event('f', '2023-01-01', 2),
        event('g', '2026-01-22', 3),
        event('h', '2026-02-01', 1, ['oracle']),
      ],
    };
    const ids = cardModel(dataset, 'tiktok')!.keyEvents.map((e) => e.id);
    expect(ids).toHaveLength(MAX_KEY_EVENTS);
    // Turning points a, b, e, g; then the notable steps f (the latest of them) and d; not c.
    expect(ids).toEqual(['g', 'f', 'e', 'd', 'b', 'a']);
  });

  it('has no status for entities without one, and nothing for unknown ids', () => {
    expect(cardModel(fixtureDataset(), 'microsoft')!.now).toBeUndefined();
    expect(cardModel(fixtureDataset(), 'nobody')).toBeUndefined();
  });
});

describe('formatDate', () => {
  it('writes day, month word and year, or month and year', () => {
    expect(formatDate('2020-09-14')).toBe('14 Sep 2020');
    expect(formatDate('2026-01-02')).toBe('2 Jan 2026');
    expect(formatDate('2012-03')).toBe('Mar 2012');
  });
});

describe('cardModel since the page was written', () => {
  const dataset: Dataset = {
    ...fixtureDataset(),
    events: [
      event('before', '2020-08-06', 3),
      event('same-month', '2020-09', 3),
      event('minor', '2021-01-01', 1),
      event('law', '2024-04-24', 3),
      event('court', '2025-01-17', 3),
      event('jv', '2026-01-22', 3),
      event('other', '2026-02-01', 3, ['oracle']),
    ],
  };

  it('counts what came after the page for the entity, and keeps the three that matter most, newest first', () => {
    const since = cardModel(dataset, 'tiktok', '2020-09-14')!.sincePage!;
    expect(since.date).toBe('2020-09-14');
    expect(since.count).toBe(4);
    expect(since.events.map((e) => e.id)).toEqual(['jv', 'court', 'law']);
    // The key dates do not repeat them.
    expect(cardModel(dataset, 'tiktok', '2020-09-14')!.keyEvents.map((e) => e.id)).toEqual([
      'minor',
      'same-month',
      'before',
    ]);
  });

  it('ranks equally important events by how much they changed the story: a new chapter over an aftermath', () => {
    const story: Dataset = {
      ...fixtureDataset(),
      events: [
        event('old-turn', '2022-06-17', 3),
        event('law', '2024-04-24', 3),
        event('ruling', '2025-01-17', 3),
        event('dark-next-day', '2025-01-18', 3),
        event('order', '2025-09-25', 3),
        event('agreements', '2025-12-18', 3),
        event('jv', '2026-01-22', 3),
      ],
    };
    // A page of March 2023: the law, the ruling and where the story stands now.
    expect(cardModel(story, 'tiktok', '2023-03-31')!.sincePage!.events.map((e) => e.id)).toEqual([
      'jv',
      'ruling',
      'law',
    ]);
    // A page of 17 Dec 2024: the ruling, the order that opened the last chapter, the joint venture.
    expect(cardModel(story, 'tiktok', '2024-12-17')!.sincePage!.events.map((e) => e.id)).toEqual([
      'jv',
      'order',
      'ruling',
    ]);
  });

  it('says nothing of it without a page date, and counts nothing after the last event', () => {
    expect(cardModel(dataset, 'tiktok')!.sincePage).toBeUndefined();
    expect(cardModel(dataset, 'tiktok', '2026-05-01')!.sincePage).toEqual({ date: '2026-05-01', count: 0, events: [] });
  });
});
