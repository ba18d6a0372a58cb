import type { IsoDate } from './dataset-types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `2020-09-14` -> `14 Sep 2020`, `2020-09` -> `Sep 2020`. Day-first with a month word, so no
 * reader mistakes 09/10 for October; done by hand because Intl's output varies between engines.
 */
export function formatDate(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  const name = MONTHS[Number(month) - 1] ?? month;
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}
