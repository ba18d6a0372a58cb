import { formatDate } from '../core/format-date';
import type { DatedBy, PageDate, PageDateSource } from '../core/parse-page-date';
import type { MessageKey, Translate } from '../shared/i18n';

const SOURCE_LABELS: Record<PageDateSource, MessageKey> = {
  'json-ld': 'dateSourceJsonLd',
  meta: 'dateSourceMeta',
  time: 'dateSourceTime',
  url: 'dateSourceUrl',
};

/** When the page says it was written (and updated), and where it says so; nothing when it does not. */
export function PageDateLine({ pageDate, t }: { pageDate: PageDate; t: Translate }) {
  const line = (key: 'popupPublished' | 'popupUpdated', dated: DatedBy) =>
    t(key, formatDate(dated.date), t(SOURCE_LABELS[dated.source]));
  if (!pageDate.published && !pageDate.modified) return null;
  return (
    <p class="page-date">
      {pageDate.published && <span>{line('popupPublished', pageDate.published)}</span>}
      {pageDate.modified && <span>{line('popupUpdated', pageDate.modified)}</span>}
    </p>
  );
}
