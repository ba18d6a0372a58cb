import { describe, expect, it } from 'vitest';
import { CORE_ENTITIES } from '../../src/data/load-dataset';
import { realDataset } from '../support/fixture-dataset';

// Loading runs every check of the build: schema, ids, references, order, aliases, https.
const dataset = realDataset();
const byId = new Map(dataset.entities.map((e) => [e.id, e]));

describe('the dataset', () => {
  it('has the three companies, highlighted by default, each with a status', () => {
    for (const id of CORE_ENTITIES) {
      expect(byId.get(id)?.highlightByDefault).toBe(true);
      expect(dataset.statuses.some((s) => s.entity === id)).toBe(true);
    }
  });

  it('has ten or more related entities, off by default, each reachable from a card', () => {
    const related = dataset.entities.filter((e) => !e.highlightByDefault);
    expect(related.length).toBeGreaterThanOrEqual(10);
    const linked = new Set(dataset.entities.flatMap((e) => e.related));
    for (const entity of related) expect(linked, entity.id).toContain(entity.id);
  });

  it('has seventy or more events, from the background before 2020 through every year to 2026', () => {
    expect(dataset.events.length).toBeGreaterThanOrEqual(70);
    const years = new Set(dataset.events.map((e) => Number(e.date.slice(0, 4))));
    for (let year = 2020; year <= 2026; year++) expect(years, String(year)).toContain(year);
    expect([...years].some((y) => y < 2020)).toBe(true);
  });

  it('dates and sources every fact, oldest first, none after the as-of date', () => {
    expect(dataset.asOf >= '2026-05').toBe(true);
    for (const event of dataset.events) {
      expect(event.sources.length, event.id).toBeGreaterThan(0);
      for (const source of event.sources) expect(source.url, event.id).toMatch(/^https:\/\//);
      expect(event.date <= dataset.asOf, event.id).toBe(true);
    }
    const dates = dataset.events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    for (const status of dataset.statuses) expect(status.sources.length).toBeGreaterThan(0);
  });

  it('holds every dated event of the seed article', () => {
    const on = (date: string, entity: string) =>
      dataset.events.some((e) => e.date.startsWith(date) && e.entities.includes(entity));
    expect(on('2020-08-06', 'tiktok')).toBe(true); // EO 13942
    expect(on('2020-08-2', 'kevin-mayer') || on('2020-08-2', 'tiktok')).toBe(true); // Mayer quits
    expect(on('2020-08-28', 'bytedance')).toBe(true); // China's export-control update
    expect(on('2020-09-13', 'microsoft')).toBe(true); // Microsoft turned down
    expect(on('2020-09-14', 'oracle')).toBe(true); // Oracle chosen
  });

  it('keeps "sources differ" for disputes a reader would care about, not for an hour or a day', () => {
    const disputes = dataset.events.flatMap((e) => (e.disagreement ? [e.disagreement] : []));
    expect(disputes.length).toBeGreaterThanOrEqual(4);
    for (const text of disputes) {
      expect(text).not.toMatch(/\b(22 or 23|9 pm|10:30 pm|Wednesday|Thursday)\b/);
      expect(text, 'each side is named').toMatch(/;/);
    }
  });
});
