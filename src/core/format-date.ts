import type { IsoDate } from './dataset-types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `2020-09-14` -> `14 Sep 2020`, `2020-09` -> `Sep 2020` in English; in another language (the
 * `uiLocale` of the `_locales` file the browser chose, such as `de`) the locale's own form, from
 * Intl (`14. Sept. 2020`). Day-first with a month word, so no reader mistakes 09/10 for October.
 * English is written by hand because Intl's English varies between engines (`Sep` or `Sept`).
 */
export function formatDate(date: IsoDate, locale = 'en'): string {
  const [year, month, day] = date.split('-');
  if (!locale.startsWith('en')) {
    const time = Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1));
    const options: Intl.DateTimeFormatOptions =
      day === undefined ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short', year: 'numeric' };
    if (month !== undefined && !Number.isNaN(time)) {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(time);
    }
  }
  const name = MONTHS[Number(month) - 1] ?? month;
  if (month === undefined) return year ?? date;
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}
