import { describe, expect, it, vi } from 'vitest';
import { CardContent } from '../../src/content/card/card-content';
import { cardModel } from '../../src/core/card-model';
import { fixtureDataset } from '../support/fixture-dataset';

const dataset = fixtureDataset();

describe('CardContent', () => {
  it('reads the page date once, then asks for each card once with it', async () => {
    const fetch = vi.fn(async (id: string, date: string | undefined) => cardModel(dataset, id, date));
    const readDate = vi.fn(async () => '2020-09-01');
    const content = new CardContent(fetch, readDate);
    content.prefetch('tiktok');
    const [first, again, other] = await Promise.all([
      content.model('tiktok'),
      content.model('tiktok'),
      content.model('oracle'),
    ]);
    expect(first).toBe(again);
    expect(first!.sincePage!.date).toBe('2020-09-01');
    expect(other!.id).toBe('oracle');
    expect(readDate).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls).toEqual([
      ['tiktok', '2020-09-01'],
      ['oracle', '2020-09-01'],
    ]);
  });

  it('asks again after a failure or an empty answer, and after a navigation', async () => {
    let fail = true;
    const fetch = vi.fn(async (id: string) => {
      if (fail) throw new Error('worker asleep');
      return cardModel(dataset, id);
    });
    const content = new CardContent(fetch, async () => undefined);
    await expect(content.model('tiktok')).rejects.toThrow('worker asleep');
    fail = false;
    expect((await content.model('tiktok'))!.id).toBe('tiktok');
    expect(await content.model('nobody')).toBeUndefined();
    await content.model('nobody');
    expect(fetch.mock.calls.filter(([id]) => id === 'nobody')).toHaveLength(2);
    content.forget();
    await content.model('tiktok');
    expect(fetch.mock.calls.filter(([id]) => id === 'tiktok')).toHaveLength(3);
  });

  it('gives cards without "since this page" when the date cannot be read, and tries it again later', async () => {
    const readDate = vi.fn().mockRejectedValueOnce(new Error('page-date.js blocked')).mockResolvedValue('2020-09-01');
    const content = new CardContent(async (id, date) => cardModel(dataset, id, date), readDate);
    expect((await content.model('tiktok'))!.sincePage).toBeUndefined();
    content.forget();
    expect((await content.model('tiktok'))!.sincePage!.date).toBe('2020-09-01');
  });
});
