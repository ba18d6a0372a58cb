/**
 * The fact-check of 30 November 2026 (shared/research/dataset-audit.md, issue 15), item by item, so
 * that none of its corrections can quietly come undone.
 */
import { describe, expect, it } from 'vitest';
import type { DealEvent } from '../../src/core/dataset-types';
import { realDataset } from '../support/fixture-dataset';

const dataset = realDataset();
const event = (id: string): DealEvent => {
  const found = dataset.events.find((e) => e.id === id);
  if (!found) throw new Error(`no event ${id}`);
  return found;
};
const entity = (id: string) => dataset.entities.find((e) => e.id === id)!;
const status = (id: string) => dataset.statuses.find((s) => s.entity === id)!;
const cites = (e: DealEvent, host: string) => e.sources.some((s) => new URL(s.url).hostname.endsWith(host));

describe('the two wrong events', () => {
  it('31 July 2020: Trump said he would ban TikTok, not order a sale, per the pool report', () => {
    const e = event('2020-07-31-trump-says-he-will-ban-tiktok');
    expect(e.title).toMatch(/ban TikTok/);
    expect(`${e.title} ${e.summary}`).not.toMatch(/order ByteDance to (sell|divest)/);
    expect(e.sources.find((s) => s.kind === 'primary')?.url).toMatch(/publicpool\.kinja\.com/);
  });

  it('the Madrid framework was announced on Monday 15 September 2025', () => {
    expect(event('2025-09-15-madrid-framework').date).toBe('2025-09-15');
    expect(dataset.events.filter((e) => e.date === '2025-09-14')).toEqual([]);
  });
});

describe('the events that needed a fix', () => {
  it('14 Sept 2020: one proposal, submitted by ByteDance, with Oracle part of it; no "provider or partner" dispute', () => {
    const e = event('2020-09-14-oracle-chosen');
    expect(e.summary).toMatch(/ByteDance sent the Treasury a proposal/);
    expect(e.disagreement).toBeUndefined();
  });

  it('6 Dec 2024: only the majority applied strict scrutiny; Srinivasan concurred under intermediate scrutiny', () => {
    expect(event('2024-12-06-dc-circuit-upholds').summary).toMatch(
      /Srinivasan concurred, applying intermediate scrutiny/,
    );
  });

  it('EO 14352 speaks of "trusted security partners" and names no company; it cites the Federal Register text', () => {
    const e = event('2025-09-25-eo-14352');
    expect(e.summary).toMatch(/"trusted security partners"/);
    expect(e.summary).not.toMatch(/Oracle/);
    expect(cites(e, 'govinfo.gov')).toBe(true);
  });

  it('EO 14310: the critics of the repeated delays include Republican Sens. Cotton and Ricketts', () => {
    expect(event('2025-06-19-eo-14310').disagreement).toMatch(/Republican Sens\. Cotton and Ricketts/);
  });

  it('the first Oracle outage started on 25 January 2026', () => {
    expect(event('2026-01-25-oracle-data-center-outage').date).toBe('2026-01-25');
  });

  it('Project Texas is dated to its public unveiling in January 2023 (Lawfare), not August 2022 on one page', () => {
    expect(dataset.events.some((e) => e.id.includes('project-texas') && e.date.startsWith('2022'))).toBe(false);
    expect(cites(event('2023-01-project-texas-unveiled'), 'lawfaremedia.org')).toBe(true);
  });

  it('the smaller fixes: certiorari verified, EO 14034 named, EO 14258 on the Federal Register text', () => {
    expect(event('2024-12-18-supreme-court-takes-case').confidence).toBe('verified');
    const revocation = event('2021-06-09-biden-revokes-tiktok-order');
    expect(revocation.summary).toMatch(/Executive Order 14034/);
    expect(revocation.sources.some((s) => s.url.endsWith('/2021-12506'))).toBe(true);
    expect(cites(event('2025-04-04-eo-14258'), 'govinfo.gov')).toBe(true);
  });
});

describe('the cards, true as of the as-of date', () => {
  it("Oracle's role reaches 2026: 15% managing investor and trusted security partner", () => {
    expect(entity('oracle').role).toMatch(/2026.*15% managing investor and trusted security partner/);
    expect(status('oracle').text).toMatch(/15% managing investors.*trusted security partner/);
  });

  it('TikTok says who runs the US app and what ByteDance keeps', () => {
    expect(entity('tiktok').identity).not.toMatch(/owned by ByteDance/);
    expect(entity('tiktok').role).toMatch(/TikTok USDS Joint Venture.*ByteDance keeps 19\.9%/);
    expect(status('tiktok').text).toMatch(/TikTok USDS Joint Venture \(CEO Adam Presser\)/);
  });

  it("ByteDance's stake and the reported profit share", () => {
    expect(status('bytedance').text).toMatch(/19\.9%.*Bloomberg reported it may get about half of US profits/);
    expect(entity('bytedance').role).toMatch(/19\.9%/);
  });

  it('Vanessa Pappas left TikTok in 2023; MOFCOM and Xi reach past October 2025', () => {
    expect(entity('vanessa-pappas').identity).toMatch(/Former TikTok executive.*left in 2023/);
    expect(entity('mofcom').role).toMatch(/December 2025/);
    expect(entity('xi-jinping').role).toMatch(/January 2026.*May 2026/);
  });

  it('PAFACA: one 90-day extension allowed, five pauses, the fit of the joint venture disputed', () => {
    expect(entity('pafaca').role).toMatch(/one 90-day extension.*five times.*disputed/);
  });
});

describe('the verified events that were missing', () => {
  it.each([
    ['2025-09-26-bytedance-profit-share-report', /about 50%/, 'ndtv.com'],
    ['2025-12-25-mofcom-statement', /comply with Chinese laws/, 'globaltimes.cn'],
    ['2026-03-03-second-oracle-outage', /Ashburn/, 'economictimes.indiatimes.com'],
    ['2026-03-13-government-fee-report', /about \$10 billion.*\$2\.5 billion/, 'topnews.com'],
  ])('%s is in the dataset with its source', (id, text, host) => {
    const e = event(id);
    expect(e.summary).toMatch(text);
    expect(cites(e, host)).toBe(true);
  });
});

describe('neutrality and honest confidence', () => {
  it('names the real disputes, each side attributed', () => {
    expect(event('2025-06-19-eo-14310').disagreement).toMatch(/one extension of up to 90 days/);
    expect(event('2026-01-22-algorithm-and-oracle-role').disagreement).toMatch(
      /"operational relationship".*licenses the algorithm.*ads and commerce.*half of US profits/,
    );
    expect(event('2026-01-26-newsom-review').disagreement).toMatch(/CNBC reproduced the blocked "Epstein" messages/);
  });

  it('drops trivia and false balance from "sources differ"', () => {
    for (const id of [
      '2026-01-22-joint-venture-closes',
      '2025-01-18-tiktok-goes-dark',
      '2020-08-06-eo-13942',
      '2020-08-06-senate-devices-bill',
    ])
      expect(event(id).disagreement, id).toBeUndefined();
    expect(cites(event('2020-08-06-senate-devices-bill'), 'thestreet.com')).toBe(false);
  });

  it('no longer calls one story copied twice "verified"', () => {
    const origins = (id: string) => new Set(event(id).sources.map((s) => s.publisher.split(' via ')[0]));
    expect(origins('2025-09-25-vance-valuation')).toEqual(new Set(['Reuters', 'Bloomberg']));
    expect(event('2020-08-26-kevin-mayer-resigns').sources.some((s) => !s.publisher.startsWith('Reuters'))).toBe(true);
  });

  it('keeps the as-of date at the latest event read in a kept source and says when the dataset was checked', () => {
    // The visit's end (15 May) was read only on a refused copy site, so the dataset stops at 13 May.
    const latest = dataset.events.at(-1)!;
    expect(dataset.asOf).toBe('2026-05-13');
    expect(latest.date).toBe(dataset.asOf);
    expect(dataset.checkedOn).toBe('2026-11-30');
  });
});
