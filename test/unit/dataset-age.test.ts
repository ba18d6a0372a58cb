import { describe, expect, it } from 'vitest';
import { isDatasetStale, STALE_AFTER_DAYS } from '../../src/core/dataset-age';

describe('isDatasetStale', () => {
  const asOf = '2026-05-15';
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

  it('is fresh up to 90 days after the as-of date, to the millisecond', () => {
    expect(STALE_AFTER_DAYS).toBe(90);
    expect(isDatasetStale(asOf, day('2026-05-15'))).toBe(false);
    expect(isDatasetStale(asOf, day('2026-08-13'))).toBe(false); // 90 days
    expect(isDatasetStale(asOf, new Date(day('2026-08-13').getTime() + 1))).toBe(true);
  });

  it('is stale months later, and never before the as-of date', () => {
    expect(isDatasetStale(asOf, day('2026-11-30'))).toBe(true);
    expect(isDatasetStale(asOf, day('2026-01-01'))).toBe(false);
  });
});
