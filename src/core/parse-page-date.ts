import type { IsoDate } from './dataset-types';

/** Where a page's date was read, from the most trusted to the least. */
export type PageDateSource = 'json-ld' | 'meta' | 'time' | 'url';

/** A calendar date and where it was read, so a card can say how sure it is. */
export interface DatedBy {
  readonly date: IsoDate;
  readonly source: PageDateSource;
}

/** When a page says it was published and, if later, last updated; empty when it says nothing. */
export interface PageDate {
  readonly published?: DatedBy;
  readonly modified?: DatedBy;
}

/** One date string as found in the page, before it is trusted. */
export interface PageDateCandidate {
  readonly field: 'published' | 'modified';
  readonly source: PageDateSource;
  readonly text: string;
}

/** Most trusted first: structured data is written for machines, a URL is only a hint. */
const TRUST: readonly PageDateSource[] = ['json-ld', 'meta', 'time', 'url'];

/** Older than the web's first news sites: a default value or a typo, not a publication date. */
const EARLIEST: IsoDate = '1995-01-01';

/** Time zones put a page's calendar date up to a day ahead of ours; more than that is an error. */
const FUTURE_SLACK_MS = 2 * 24 * 60 * 60 * 1000;

const MONTHS = 'january february march april may june july august september october november december'.split(' ');

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[T ]${TIME}\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$`, 'iu');
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/u;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const ORDINAL = String.raw`(?:st|nd|rd|th)?`;
/** What may follow a written date: a time, am/pm, and a zone name or offset, none of it used. */
const TAIL = String.raw`(?:,?\s+(?:at\s+)?${TIME}(?:\s*[ap]\.?m\.?)?(?:\s*(?:[a-z]{1,5}|[+-]\d{2}:?\d{2}))?)?`;
const DAY_FIRST = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})${ORDINAL}\.?\s+([a-z]{3,9})\.?,?\s+(\d{4})${TAIL}$`, 'iu');
const MONTH_FIRST = new RegExp(String.raw`^${WEEKDAY}([a-z]{3,9})\.?\s+(\d{1,2})${ORDINAL},?\s+(\d{4})${TAIL}$`, 'iu');

/**
 * Reads the calendar date of one date string as the page wrote it: `2020-09-14T23:30:00-07:00`
 * is the 14th, the day where it was written, not the 15th in UTC, so nothing is converted. Accepts
 * ISO 8601 dates and timestamps, `20200914`, `Mon, 14 Sep 2020 10:00:00 GMT`, `September 14, 2020`
 * and `14 September 2020`; anything else, numeric day/month orders included, is undefined.
 */
export function parsePageDate(text: string): IsoDate | undefined {
  const s = text.trim();
  if (s.length > 64) return undefined;
  const iso = ISO.exec(s);
  if (iso) {
    const [, year, month, day, hour, minute, second, offset] = iso;
    return validTime(hour, minute, second) && validOffset(offset) ? calendarDate(year, month, day) : undefined;
  }
  const compact = COMPACT.exec(s);
  if (compact) return calendarDate(compact[1], compact[2], compact[3]);
  const dayFirst = DAY_FIRST.exec(s);
  if (dayFirst) {
    const [, day, month, year, hour, minute, second] = dayFirst;
    return validTime(hour, minute, second) ? calendarDate(year, monthNumber(month), day) : undefined;
  }
  const monthFirst = MONTH_FIRST.exec(s);
  if (monthFirst) {
    const [, month, day, year, hour, minute, second] = monthFirst;
    return validTime(hour, minute, second) ? calendarDate(year, monthNumber(month), day) : undefined;
  }
  return undefined;
}

/** `/2020/09/14/`, `2020-09-14` or a whole segment `20200914`: forms that can only be a date. */
const URL_DATES = [
  /\/(\d{4})\/(\d{1,2})\/(\d{1,2})(?=\/|$)/gu,
  /(?:^|[/_-])(\d{4})-(\d{2})-(\d{2})(?=$|[/_.-])/gu,
  /\/(\d{4})(\d{2})(\d{2})(?=\/|$)/gu,
];

/**
 * The date a URL's path gives, for sites that file articles by day. Only unmistakable forms count,
 * and a path naming two different days gives none, since it cannot say which one is the page's.
 */
export function dateFromUrlPath(url: string): IsoDate | undefined {
  const path = (/^[a-z][a-z\d+.-]*:\/\/[^/?#]*([^?#]*)/iu.exec(url)?.[1] ?? url).split(/[?#]/u)[0] ?? '';
  const dates = new Set<IsoDate>();
  for (const pattern of URL_DATES) {
    for (const [, year, month, day] of path.matchAll(pattern)) {
      const date = calendarDate(year, month, day);
      if (date) dates.add(date);
    }
  }
  return dates.size === 1 ? [...dates][0] : undefined;
}

/**
 * Decides what a page's dates are from every candidate found: for each field, the first plausible
 * date of the most trusted source, so a conflict is settled by trust, never by majority. Within a
 * source the candidates' order decides, most telling first. An update is kept only when it falls
 * on a later day than the publication. Dates before 1995 or more than two days after `now` are
 * ignored like malformed ones; with an invalid `now`, nothing can be checked and nothing is said.
 */
export function pickPageDate(candidates: readonly PageDateCandidate[], now: Date): PageDate {
  const time = now.getTime();
  if (Number.isNaN(time)) return {};
  const latest = new Date(time + FUTURE_SLACK_MS).toISOString().slice(0, 10);
  const published = mostTrusted(candidates, 'published', latest);
  const modified = mostTrusted(candidates, 'modified', latest);
  const updatedLater = modified && (!published || modified.date > published.date);
  return { ...(published && { published }), ...(updatedLater && { modified }) };
}

function mostTrusted(
  candidates: readonly PageDateCandidate[],
  field: PageDateCandidate['field'],
  latest: IsoDate,
): DatedBy | undefined {
  let best: DatedBy | undefined;
  for (const candidate of candidates) {
    if (candidate.field !== field) continue;
    if (best && TRUST.indexOf(candidate.source) >= TRUST.indexOf(best.source)) continue;
    const date = parsePageDate(candidate.text);
    if (date !== undefined && date >= EARLIEST && date <= latest) best = { date, source: candidate.source };
  }
  return best;
}

/** `Sep`, `Sept` and `September` are month 9; English only, like the metadata pages write. */
function monthNumber(name: string | undefined): string | undefined {
  const lower = name?.toLowerCase() ?? '';
  const index = lower.length >= 3 ? MONTHS.findIndex((month) => month.startsWith(lower)) : -1;
  return index >= 0 ? String(index + 1) : undefined;
}

/** `YYYY-MM-DD` when the parts name a day that exists, such as 29 February of a leap year. */
function calendarDate(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
): IsoDate | undefined {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (!year || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return undefined;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An absent time is valid; a present one must be a real time of day (24:00 and leap seconds allowed). */
function validTime(hour: string | undefined, minute: string | undefined, second: string | undefined): boolean {
  if (hour === undefined) return true;
  const [h, m, s] = [Number(hour), Number(minute), Number(second ?? 0)];
  return h <= 24 && m <= 59 && s <= 60 && (h < 24 || m + s === 0);
}

function validOffset(offset: string | undefined): boolean {
  const match = /^[+-](\d{2}):?(\d{2})?$/u.exec(offset ?? '');
  return !match || (Number(match[1]) <= 14 && Number(match[2] ?? 0) <= 59);
}

/** The date "since this page" counts from: the last update where there is one, else publication. */
export function pageReferenceDate(page: PageDate): DatedBy | undefined {
  return page.modified ?? page.published;
}
