/**
 * Locale-aware wording for every surface, from the `_locales` file the browser chose (through the
 * `t` each component is given): its language (`uiLocale`), dates in that language's form, and
 * counted nouns in the right plural form.
 */
import type { IsoDate } from '../core/dataset-types';
import { formatDate } from '../core/format-date';
import { pluralForm } from '../core/plural-form';
import type { MessageKey, Translate } from '../shared/i18n';

/** The base of message keys that come in plural forms: `<base>_one` and `<base>_other`. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_other` ? (`${Base}_one` extends MessageKey ? Base : never) : never;
}[MessageKey];

/** The language of the messages in use (`en`, `de`). */
export const uiLocale = (t: Translate): string => t('uiLocale');

/** A date in the reader's language. */
export const dateIn = (t: Translate, date: IsoDate): string => formatDate(date, uiLocale(t));

/** A counted message in its plural form; `$1` is the count as the locale writes it, then `more`. */
export function counted(t: Translate, base: PluralKey, count: number, ...more: string[]): string {
  const locale = uiLocale(t);
  const form = pluralForm(locale, count);
  return t(`${base}_${form}` as MessageKey, count.toLocaleString(locale), ...more);
}
