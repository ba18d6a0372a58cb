import { describe, expect, it } from 'vitest';
import type { DealEvent, Source } from '../../src/core/dataset-types';
import {
  checkEventSources,
  independentSources,
  linkProblem,
  NO_PRIMARY_NOTE,
  originOf,
} from '../../src/data/check-sources';
import { refusedDomainOf } from '../../src/data/refused-domains';
import { errorOf } from '../support/dataset-error';

const source = (url: string, publisher: string, kind: Source['kind'] = 'outlet'): Source => ({
  url,
  publisher,
  title: 'T',
  date: null,
  kind,
});

const event = (sources: Source[], rest: Partial<DealEvent> = {}): DealEvent => ({
  id: 'e',
  date: '2020-09-14',
  title: 'T',
  summary: 'S',
  entities: ['oracle'],
  sources,
  confidence: 'verified',
  importance: 2,
  ...rest,
});

describe('refused domains', () => {
  it('covers a domain and its subdomains, not a site that merely ends in the same letters', () => {
    expect(refusedDomainOf('https://wikimili.com/en/TikTok')?.domain).toBe('wikimili.com');
    expect(refusedDomainOf('https://courthouse841.rssing.com/chan/1.html')?.domain).toBe('rssing.com');
    expect(refusedDomainOf('https://notwikimili.com/a')).toBeUndefined();
    expect(refusedDomainOf('https://www.reuters.com/a')).toBeUndefined();
  });
});

describe('linkProblem', () => {
  it('accepts a plain article address, with a page number', () => {
    expect(linkProblem('https://www.theverge.com/2020/11/28/21723883/bytedance-extension')).toBeUndefined();
    expect(linkProblem('https://christianpost.com/news/omnibus.html?page=5')).toBeUndefined();
  });

  it('refuses tracking parameters and AMP copies', () => {
    expect(linkProblem('https://www.medianama.com/2020/09/x/?utm_source=feedburner')).toMatch(/"utm_source"/);
    expect(linkProblem('https://www.aljazeera.com/economy/x?traffic_source=rss')).toMatch(/"traffic_source"/);
    expect(linkProblem('https://english.elpais.com/x.html?outputType=amp')).toMatch(/"outputType"/);
    expect(linkProblem('https://amp.cnn.com/cnn/politics/x')).toMatch(/AMP copy/);
    expect(linkProblem('https://www.livemint.com/companies/news/x/amp-11758937846876.html')).toMatch(/AMP copy/);
    expect(linkProblem('https://legalinsurrection.com/2024/12/x/amp')).toMatch(/AMP copy/);
  });
});

describe('independent sources', () => {
  it('counts one story copied by two sites once', () => {
    const copies = [
      source('https://www.channelnewsasia.com/a', 'Reuters via CNA', 'wire'),
      source('https://www.thestar.com.my/b', 'Reuters via The Star', 'wire'),
    ];
    expect(originOf(copies[0]!)).toBe('reuters');
    expect(independentSources(copies)).toBe(1);
  });

  it('counts the same page path on two hosts once', () => {
    expect(
      independentSources([
        source('https://www.example.com/2020/09/13/story', 'Example'),
        source('https://mirror.example.org/2020/09/13/story', 'Mirror'),
      ]),
    ).toBe(1);
  });

  it('counts two outlets, or an outlet and a different wire, twice', () => {
    expect(
      independentSources([
        source('https://www.axios.com/a', 'Axios'),
        source('https://www.nasdaq.com/b', 'Reuters via Nasdaq', 'wire'),
      ]),
    ).toBe(2);
  });
});

describe('checkEventSources', () => {
  it('refuses "verified" on one story copied twice, naming the path and the sources', () => {
    const error = errorOf(() =>
      checkEventSources(
        'events.json',
        '$.events[4]',
        event([
          source('https://www.hindustantimes.com/a', 'Reuters via Hindustan Times', 'wire'),
          source('https://www.newsmax.com/b', 'Reuters via Newsmax', 'wire'),
        ]),
      ),
    );
    expect([error.file, error.path]).toEqual(['events.json', '$.events[4].confidence']);
    expect(error.reason).toMatch(/Reuters via Hindustan Times, Reuters via Newsmax/);
  });

  it('takes one primary document as enough for "verified"', () => {
    expect(() =>
      checkEventSources(
        'events.json',
        '$.events[0]',
        event([source('https://www.federalregister.gov/d/2020-18360', 'Federal Register', 'primary')]),
      ),
    ).not.toThrow();
  });

  it('asks a turning point for a primary source or a note saying none was found', () => {
    const outlets = [source('https://www.axios.com/a', 'Axios'), source('https://www.cnbc.com/b', 'CNBC')];
    const error = errorOf(() => checkEventSources('events.json', '$.events[2]', event(outlets, { importance: 3 })));
    expect(error.path).toBe('$.events[2].sources');
    expect(() =>
      checkEventSources(
        'events.json',
        '$.events[2]',
        event(outlets, { importance: 3, notes: `${NO_PRIMARY_NOTE}: the memo is internal.` }),
      ),
    ).not.toThrow();
  });

  it('names the refused domain and its reason at the source URL', () => {
    const error = errorOf(() =>
      checkEventSources(
        'events.json',
        '$.events[1]',
        event([source('https://publicitytop.com/2026/01/23/x', 'Publicity Top')], { confidence: 'single-source' }),
      ),
    );
    expect(error.path).toBe('$.events[1].sources[0].url');
    expect(error.reason).toMatch(/publicitytop\.com is a refused domain: republishes other outlets' stories/);
  });
});
