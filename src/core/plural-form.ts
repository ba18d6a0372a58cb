/**
 * The plural form of a count in a language (`one` or `other`: English and German have no others),
 * by Intl.PluralRules, so "1 mention" and "2 mentions" come from two messages of the locale file.
 */
export type PluralForm = 'one' | 'other';

export function pluralForm(locale: string, count: number): PluralForm {
  return new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
}
