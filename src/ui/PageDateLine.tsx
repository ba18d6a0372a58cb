import type { DatedBy, PageDate, PageDateSource } from '../core/parse-page-date';
import type { MessageKey, Translate } from '../shared/i18n';
import { dateIn } from './format';

const SOURCE_LABELS: Record<PageDateSource, MessageKey> = {
  'json-ld': 'dateSourceJsonLd',
  meta: 'dateSourceMeta',
  time: 'dateSourceTime',
  url: 'dateSourceUrl',
};

/**
 * When the page says it was written (and updated), and where it says so, the source named once
 * when both dates come from the same place; nothing when the page says nothing.
 */
export function PageDateLine({ pageDate, t }: { pageDate: PageDate; t: Translate }) {
  const { published, modified } = pageDate;
  const from = (dated: DatedBy) => t(SOURCE_LABELS[dated.source]);
  const text = (() => {
    if (published && modified) {
      return published.source === modified.source
        ? t('popupPublishedUpdated', dateIn(t, published.date), dateIn(t, modified.date), from(published))
        : `${t('popupPublished', dateIn(t, published.date), from(published))} · ${t('popupUpdated', dateIn(t, modified.date), from(modified))}`;
    }
    if (published) return t('popupPublished', dateIn(t, published.date), from(published));
    if (modified) return t('popupUpdated', dateIn(t, modified.date), from(modified));
    return undefined;
  })();
  return text === undefined ? null : <p class="page-date">{text}</p>;
}
