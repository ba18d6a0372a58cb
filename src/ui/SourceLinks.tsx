import { useState } from 'preact/hooks';
import type { Source } from '../core/dataset-types';
import type { Translate } from '../shared/i18n';
import { trusted } from './trusted';
import { dateIn } from './format';

/**
 * Links to a fact's sources, each opening in a new tab without referrer; past `shown` of them,
 * the rest fold into a "+N" button.
 */
export function SourceLinks({
  sources,
  t,
  shown = Infinity,
}: {
  sources: readonly Source[];
  t: Translate;
  shown?: number;
}) {
  const [all, setAll] = useState(sources.length <= shown);
  const visible = all ? sources : sources.slice(0, shown);
  return (
    <span class="sources">
      <span class="visually-hidden">{t('cardSources')}: </span>
      {visible.map((source) => (
        <a
          key={source.url}
          href={source.url}
          target="_blank"
          rel="noopener noreferrer"
          title={source.date ? `${source.title} (${dateIn(t, source.date)})` : source.title}
          aria-label={`${source.publisher}: ${source.title} ${t('cardOpensInNewTab')}`}
        >
          {source.publisher}
        </a>
      ))}
      {!all && (
        <button
          type="button"
          class="more"
          aria-label={t('cardMoreSources', String(sources.length - visible.length))}
          onClick={trusted(() => setAll(true))}
        >
          +{sources.length - visible.length}
        </button>
      )}
    </span>
  );
}
