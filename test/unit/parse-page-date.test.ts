import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dateFromUrlPath,
  parsePageDate,
  pickPageDate,
  type PageDateCandidate,
  type PageDateSource,
} from '../../src/core/parse-page-date';

const NOW = new Date('2026-11-24T12:00:00Z');

describe('parsePageDate', () => {
  it.each([
    ['2020-09-14', '2020-09-14'],
    ['2020-09-14T10:00:00Z', '2020-09-14'],
    ['2020-09-14T10:00Z', '2020-09-14'],
    ['2020-09-14T10:00:00.509-04:00', '2020-09-14'],
    ['2020-09-14T10:00:00+0000', '2020-09-14'],
    ['2020-09-14T10:00:00+02', '2020-09-14'],
    ['2020-09-14 10:00:00', '2020-09-14'],
    ['  2020-09-14T10:00:00Z\n', '2020-09-14'],
    ['20200914', '2020-09-14'],
    ['Mon, 14 Sep 2020 10:00:00 GMT', '2020-09-14'],
    ['14 Sep 2020 10:00:00 +0000', '2020-09-14'],
    ['Monday, 14 September 2020', '2020-09-14'],
    ['14 September 2020', '2020-09-14'],
    ['14th September 2020', '2020-09-14'],
    ['September 14, 2020', '2020-09-14'],
    ['Sept. 14, 2020', '2020-09-14'],
    ['sep 4 2020', '2020-09-04'],
    ['September 14, 2020 10:00 AM EDT', '2020-09-14'],
    ['September 14, 2020, 6:37 PM EDT', '2020-09-14'],
    ['2020-02-29', '2020-02-29'],
  ])('reads %j as %s', (text, date) => {
    expect(parsePageDate(text)).toBe(date);
  });

  it('keeps the calendar date of the offset the timestamp was written in, never converting to UTC', () => {
    expect(parsePageDate('2020-09-14T23:30:00-07:00')).toBe('2020-09-14'); // the 15th in UTC
    expect(parsePageDate('2020-09-15T01:00:00+09:00')).toBe('2020-09-15'); // the 14th in UTC
    expect(parsePageDate('Mon, 14 Sep 2020 23:30:00 -0700')).toBe('2020-09-14');
  });

  it.each([
    '',
    'yesterday',
    '1h ago',
    '2020-09',
    '2020-13-01',
    '2020-00-10',
    '2020-02-30',
    '2019-02-29',
    '2020-09-31',
    '2020-09-00',
    '2020-09-14T25:00:00Z',
    '2020-09-14T10:61:00Z',
    '2020-09-14T10:00:00+25:00',
    '2020-09-14garbage',
    '2020-9-14',
    '99999-01-01',
    '09/14/2020',
    '14/09/2020',
    '14.09.2020',
    '2020914',
    'Foo 14, 2020',
    'Ma 14, 2020',
    '32 September 2020',
    'September 14 2020 and more words',
    'null',
    '2'.repeat(100),
  ])('refuses %j', (text) => {
    expect(parsePageDate(text)).toBeUndefined();
  });

  it('never throws, and gives a well-formed date or nothing, whatever the string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const date = parsePageDate(text);
        expect(date === undefined || /^\d{4}-\d{2}-\d{2}$/u.test(date)).toBe(true);
      }),
    );
  });

  it('reads back the day of any ISO timestamp', () => {
    const day = fc.date({ min: new Date('1995-01-01'), max: new Date('2099-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(day, (date) => {
        const iso = date.toISOString();
        expect(parsePageDate(iso)).toBe(iso.slice(0, 10));
      }),
    );
  });
});

describe('dateFromUrlPath', () => {
  it.each([
    ['https://www.cnn.com/2016/12/18/politics/gates-tillerson/index.html', '2016-12-18'],
    ['https://example.com/2020/9/4/', '2020-09-04'],
    ['https://example.com/2020/09/14', '2020-09-14'],
    ['https://example.com/news/2020-09-14/oracle-tiktok', '2020-09-14'],
    ['https://example.com/news/2020-09-14-oracle-tiktok.html', '2020-09-14'],
    ['https://example.com/archive/20200914/', '2020-09-14'],
    ['https://example.com/story/20200914', '2020-09-14'],
    ['https://example.com/2020/09/14/a/2020/09/14/b', '2020-09-14'],
    ['/2020/09/14/relative-path', '2020-09-14'],
  ])('reads %s as %s', (url, date) => {
    expect(dateFromUrlPath(url)).toBe(date);
  });

  it.each([
    'https://example.com/',
    'https://example.com/2020/09/oracle',
    'https://netzpolitik.org/2024/breakpoint-hilfe-die-fundis-kommen/',
    'https://example.com/2020/13/45/',
    'https://example.com/p/12345678/',
    'https://example.com/story-20200914-p5abc.html',
    'https://example.com/20200914.html',
    'https://example.com/item/120200914/',
    'https://example.com/search?date=2020-09-14',
    'https://example.com/page#2020/09/14/',
    'https://2020.09.14.example.com/',
    'https://example.com/2020/09/14/a/2021/01/02/b',
    'not a url',
  ])('finds no date in %s', (url) => {
    expect(dateFromUrlPath(url)).toBeUndefined();
  });
});

const published = (source: PageDateSource, text: string): PageDateCandidate => ({ field: 'published', source, text });
const modified = (source: PageDateSource, text: string): PageDateCandidate => ({ field: 'modified', source, text });

describe('pickPageDate', () => {
  it('says nothing without candidates', () => {
    expect(pickPageDate([], NOW)).toEqual({});
  });

  it('lets the most trusted source win a conflict, whatever the order of the list', () => {
    const candidates = [
      published('url', '2020-09-10'),
      published('time', '2020-09-11'),
      published('meta', '2020-09-12'),
      published('json-ld', '2020-09-13'),
    ];
    expect(pickPageDate(candidates, NOW)).toEqual({ published: { date: '2020-09-13', source: 'json-ld' } });
    expect(pickPageDate(candidates.slice(0, 3), NOW).published).toEqual({ date: '2020-09-12', source: 'meta' });
    expect(pickPageDate(candidates.slice(0, 2), NOW).published).toEqual({ date: '2020-09-11', source: 'time' });
  });

  it('takes the first candidate of a source when it has several', () => {
    const candidates = [published('meta', '2020-09-14'), published('meta', '2020-09-01')];
    expect(pickPageDate(candidates, NOW).published?.date).toBe('2020-09-14');
  });

  it('skips malformed and implausible dates for the next candidate', () => {
    const candidates = [
      published('json-ld', 'not a date'),
      published('json-ld', '1970-01-01T00:00:00Z'),
      published('meta', '2031-01-01'),
      published('meta', '2020-02-30'),
      published('time', '2020-09-14T23:30:00-07:00'),
    ];
    expect(pickPageDate(candidates, NOW)).toEqual({ published: { date: '2020-09-14', source: 'time' } });
  });

  it('accepts from 1995 to two days after now, so a page ahead of us by its time zone still counts', () => {
    const at = (text: string) => pickPageDate([published('meta', text)], NOW).published?.date;
    expect(at('1994-12-31')).toBeUndefined();
    expect(at('1995-01-01')).toBe('1995-01-01');
    expect(at('2026-11-25T09:00:00+14:00')).toBe('2026-11-25');
    expect(at('2026-11-26')).toBe('2026-11-26');
    expect(at('2026-11-27')).toBeUndefined();
  });

  it('keeps an update only when it falls on a later day than the publication', () => {
    const later = [published('json-ld', '2020-09-14T08:00:00Z'), modified('json-ld', '2020-09-16T10:00:00Z')];
    expect(pickPageDate(later, NOW)).toEqual({
      published: { date: '2020-09-14', source: 'json-ld' },
      modified: { date: '2020-09-16', source: 'json-ld' },
    });
    const sameDay = [published('meta', '2020-09-14T08:00:00Z'), modified('meta', '2020-09-14T18:00:00Z')];
    expect(pickPageDate(sameDay, NOW)).toEqual({ published: { date: '2020-09-14', source: 'meta' } });
    const earlier = [published('meta', '2020-09-14'), modified('meta', '2020-09-13')];
    expect(pickPageDate(earlier, NOW)).toEqual({ published: { date: '2020-09-14', source: 'meta' } });
  });

  it('chooses each field by its own most trusted source', () => {
    const candidates = [
      modified('json-ld', '2020-10-01'),
      published('meta', '2020-09-14'),
      modified('meta', '2020-09-20'),
    ];
    expect(pickPageDate(candidates, NOW)).toEqual({
      published: { date: '2020-09-14', source: 'meta' },
      modified: { date: '2020-10-01', source: 'json-ld' },
    });
  });

  it('gives an update date alone when the page states no publication date', () => {
    expect(pickPageDate([modified('meta', '2020-09-16')], NOW)).toEqual({
      modified: { date: '2020-09-16', source: 'meta' },
    });
  });

  it('says nothing when now is not a valid date, since nothing can be checked against it', () => {
    expect(pickPageDate([published('meta', '2020-09-14')], new Date(Number.NaN))).toEqual({});
  });
});
