import type { DealEvent, EntityId, IsoDate } from '../core/dataset-types';
import { formatDate } from '../core/format-date';
import type { Translate } from '../shared/i18n';
import { SourceLinks } from './SourceLinks';

export interface TimelineProps {
  readonly events: readonly DealEvent[];
  /** The companies the reader can filter by, with their names. */
  readonly companies: readonly { readonly id: EntityId; readonly name: string }[];
  /** The company shown, or undefined for all. */
  readonly filter: EntityId | undefined;
  readonly onFilter: (id: EntityId | undefined) => void;
  readonly asOf: string;
  /** When the page in the tab was written: marked in the story, with what came after standing out. */
  readonly pageDate?: IsoDate | undefined;
  readonly t: Translate;
}

/** The deal's story, year by year, oldest first, every event dated and sourced. */
export function Timeline({ events, companies, filter, onFilter, asOf, pageDate, t }: TimelineProps) {
  const shown = filter === undefined ? events : events.filter((e) => e.entities.includes(filter));
  const years = groupByYear(shown);
  const isAfterPage = (event: DealEvent) => pageDate !== undefined && event.date.slice(0, pageDate.length) > pageDate;
  const firstAfter = shown.find(isAfterPage);
  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <div class="section-head">
        <h2 id="timeline-title">{t('timelineTitle')}</h2>
        <span class="as-of">{t('cardAsOf', formatDate(asOf))}</span>
      </div>
      <div class="filters" role="group" aria-label={t('timelineFilter')}>
        <FilterButton pressed={filter === undefined} onClick={() => onFilter(undefined)} label={t('timelineAll')} />
        {companies.map((company) => (
          <FilterButton
            key={company.id}
            pressed={filter === company.id}
            onClick={() => onFilter(company.id)}
            label={company.name}
          />
        ))}
      </div>
      <p class="count" aria-live="polite">
        {t('timelineCount', String(shown.length))}
      </p>
      {years.map(([year, yearEvents]) => (
        <section key={year} class="year" aria-labelledby={`year-${year}`}>
          <h3 id={`year-${year}`}>{year}</h3>
          <ol>
            {yearEvents.map((event) => [
              event === firstAfter && pageDate && (
                <li key="page-mark" class="page-mark">
                  {t('timelinePageMark', formatDate(pageDate))}
                </li>
              ),
              <li
                key={event.id}
                class={`event importance-${event.importance}${isAfterPage(event) ? ' after-page' : ''}`}
              >
                <time dateTime={event.date}>{formatDate(event.date)}</time>
                <div class="body">
                  <p class="title">{event.title}</p>
                  <p class="event-summary">{event.summary}</p>
                  {event.disagreement && (
                    <p class="disagreement">
                      <strong>{t('cardSourcesDiffer')}:</strong> {event.disagreement}
                    </p>
                  )}
                  <p class="meta">
                    {event.confidence === 'single-source' && <span class="single">{t('cardSingleSource')}</span>}
                    <SourceLinks sources={event.sources} t={t} />
                  </p>
                </div>
              </li>,
            ])}
          </ol>
        </section>
      ))}
    </section>
  );
}

function FilterButton({ pressed, onClick, label }: { pressed: boolean; onClick: () => void; label: string }) {
  return (
    <button type="button" class="chip" aria-pressed={pressed} onClick={onClick}>
      {label}
    </button>
  );
}

function groupByYear(events: readonly DealEvent[]): [string, DealEvent[]][] {
  const years = new Map<string, DealEvent[]>();
  for (const event of events) {
    const year = event.date.slice(0, 4);
    const list = years.get(year) ?? [];
    list.push(event);
    years.set(year, list);
  }
  return [...years];
}
