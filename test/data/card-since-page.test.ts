/**
 * "Since this page" on the real dataset: a page of 2023 or 2024 names the law, the Supreme Court's
 * ruling and the joint venture when they came after it (found by date and entity, not by id, so
 * the test holds while the dataset's wording changes).
 */
import { describe, expect, it } from 'vitest';
import { cardModel } from '../../src/core/card-model';
import type { DealEvent } from '../../src/core/dataset-types';
import { realDataset } from '../support/fixture-dataset';

const dataset = realDataset();

const law = (e: DealEvent) => e.date === '2024-04-24' && e.entities.includes('pafaca');
const ruling = (e: DealEvent) => e.date === '2025-01-17' && e.entities.includes('us-supreme-court');
const jointVenture = (e: DealEvent) => e.date.startsWith('2026-01') && e.entities.includes('tiktok-usds-jv');

describe('since this page, on the real dataset', () => {
  it.each(['2023-03-31', '2023-04-01', '2024-01-15'])(
    'a TikTok page of %s gets the law, the ruling and the JV',
    (date) => {
      const events = cardModel(dataset, 'tiktok', date)!.sincePage!.events;
      expect(events.some(law), 'the 2024 law').toBe(true);
      expect(events.some(ruling), 'the Supreme Court ruling').toBe(true);
      expect(events.some(jointVenture), 'the joint venture').toBe(true);
    },
  );

  it.each(['tiktok', 'bytedance'])('a %s page of 17 Dec 2024 gets the ruling and the JV', (entity) => {
    const events = cardModel(dataset, entity, '2024-12-17')!.sincePage!.events;
    expect(events.some(ruling)).toBe(true);
    expect(events.some(jointVenture)).toBe(true);
  });

  it('never repeats in the key dates what it shows', () => {
    const model = cardModel(dataset, 'tiktok', '2023-03-31')!;
    const shown = new Set(model.sincePage!.events.map((e) => e.id));
    expect(model.keyEvents.filter((e) => shown.has(e.id))).toEqual([]);
  });
});
