import { describe, expect, it } from 'vitest';
import type { DealEvent } from '../../src/core/dataset-types';
import { groupByYear, isAfterDate, queryEvents } from '../../src/core/timeline-query';

const source = (publisher: string, title: string) => ({
  url: `https://${publisher}.example/`,
  publisher,
  title,
  date: null,
  kind: 'outlet' as const,
});
const event = (id: string, date: string, title: string, entities: string[], publisher = 'Reuters'): DealEvent =>
  ({
    id,
    date,
    title,
    summary: `${title}, in detail.`,
    entities,
    sources: [source(publisher, `${title} (report)`)],
    confidence: 'verified',
    importance: 2,
  }) as DealEvent;

const events = [
  event('a', '2020-08-06', 'Executive order against TikTok', ['tiktok']),
  event('b', '2020-09-14', 'Oracle named technology partner', ['oracle', 'tiktok'], 'The Wall Street Journal'),
  event('c', '2024-04-24', 'Divest-or-ban law signed', ['bytedance'], 'Congress.gov'),
  event('d', '2026-01-22', 'Joint venture closes: Zölle', ['tiktok', 'oracle']),
];
const names = new Map([
  ['tiktok', 'TikTok'],
  ['oracle', 'Oracle'],
  ['bytedance', 'ByteDance'],
]);
const ids = (list: DealEvent[]) => list.map((e) => e.id);

describe('queryEvents', () => {
  it('puts the newest first by default, and the oldest first when reversed', () => {
    expect(ids(queryEvents(events, { entity: undefined, search: '', newestFirst: true }, names))).toEqual([
      'd',
      'c',
      'b',
      'a',
    ]);
    expect(ids(queryEvents(events, { entity: undefined, search: '', newestFirst: false }, names))).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it("filters by a company, by words of the title, by an entity's name and by a source's outlet", () => {
    const q = (search: string, entity?: string) =>
      ids(queryEvents(events, { entity, search, newestFirst: false }, names));
    expect(q('', 'oracle')).toEqual(['b', 'd']);
    expect(q('ORDER tiktok')).toEqual(['a']);
    expect(q('bytedance')).toEqual(['c']);
    expect(q('wall street')).toEqual(['b']);
    expect(q('congress.gov')).toEqual(['c']);
    expect(q('zolle')).toEqual(['d']);
    expect(q('oracle', 'bytedance')).toEqual([]);
    expect(q('  ')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('groups by year in the order given, and tells what came after a date at its precision', () => {
    expect(
      groupByYear(queryEvents(events, { entity: undefined, search: '', newestFirst: true }, names)).map(([y]) => y),
    ).toEqual(['2026', '2024', '2020']);
    expect(isAfterDate(events[1]!, '2020-09-14')).toBe(false);
    expect(isAfterDate(events[2]!, '2020-09')).toBe(true);
    expect(isAfterDate(events[0]!, undefined)).toBe(false);
  });
});
