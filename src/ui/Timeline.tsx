import { useState } from 'preact/hooks';
import { isDatasetStale } from '../core/dataset-age';
import type { DealEvent, EntityId, IsoDate } from '../core/dataset-types';
import { groupByYear, isAfterDate, queryEvents } from '../core/timeline-query';
import type { Translate } from '../shared/i18n';
import { counted, dateIn } from './format';
import { SourceLinks } from './SourceLinks';

export interface TimelineProps {
  readonly events: readonly DealEvent[];
  /** The companies the reader can filter by, with their names. */
  readonly companies: readonly { readonly id: EntityId; readonly name: string }[];
  /** Every entity's name, for the search. */
  readonly entityNames: ReadonlyMap<EntityId, string>;
  /** The company shown, or undefined for all. */
  readonly filter: EntityId | undefined;
  readonly onFilter: (id: EntityId | undefined) => void;
  readonly asOf: IsoDate;
  /** When the page in the tab was written: marked in the story, with what came after standing out. */
  readonly pageDate?: IsoDate | undefined;
  /** Today, for telling a reader the dataset may be behind. */
  readonly today?: Date;
  readonly t: Translate;
}

/**
 * The deal's story, year by year, newest first unless the reader turns it round, every event
 * dated and sourced: searchable by words, company and outlet, filterable by company, with a jump
 * to each year and a legend of its marks. Everything works from the keyboard.
 */
export function Timeline(props: TimelineProps) {
  const { events, companies, entityNames, filter, onFilter, asOf, pageDate, today = new Date(), t } = props;
  const [search, setSearch] = useState('');
  const [newestFirst, setNewestFirst] = useState(true);
  const shown = queryEvents(events, { entity: filter, search, newestFirst }, entityNames);
  const years = groupByYear(shown);
  const markBefore = pageMarkPosition(shown, pageDate, newestFirst);

  const jumpTo = (year: string) => {
    const heading = document.getElementById(`year-${year}`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  };

  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <div class="section-head">
        <h2 id="timeline-title">{t('timelineTitle')}</h2>
        <span class="as-of">{t('cardAsOf', dateIn(t, asOf))}</span>
      </div>
      {isDatasetStale(asOf, today) && <p class="stale">{t('timelineStale', dateIn(t, asOf))}</p>}
      <div class="timeline-tools">
        <div class="search">
          <label for="timeline-search">{t('timelineSearch')}</label>
          <input
            id="timeline-search"
            type="search"
            value={search}
            placeholder={t('timelineSearchPlaceholder')}
            onInput={(event) => setSearch(event.currentTarget.value)}
          />
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
        <div class="order">
          <label for="timeline-order">{t('timelineOrder')}</label>
          <select
            id="timeline-order"
            value={newestFirst ? 'newest' : 'oldest'}
            onChange={(event) => setNewestFirst(event.currentTarget.value === 'newest')}
          >
            <option value="newest">{t('timelineNewestFirst')}</option>
            <option value="oldest">{t('timelineOldestFirst')}</option>
          </select>
        </div>
        {years.length > 1 && (
          <nav class="years" aria-label={t('timelineJump')}>
            <span aria-hidden="true">{t('timelineJump')}:</span>
            {years.map(([year]) => (
              <a
                key={year}
                href={`#year-${year}`}
                onClick={(event) => {
                  event.preventDefault();
                  jumpTo(year);
                }}
              >
                {year}
              </a>
            ))}
          </nav>
        )}
      </div>
      <ul class="legend" aria-label={t('timelineLegend')}>
        <li>
          <span class="key-mark" aria-hidden="true">
            ●
          </span>{' '}
          {t('timelineLegendKey')}
        </li>
        <li>
          <span class="single">{t('cardSingleSource')}</span> {t('timelineLegendSingle')}
        </li>
        {pageDate && (
          <li>
            <span class="after-swatch" aria-hidden="true" /> {t('timelineLegendAfter')}
          </li>
        )}
      </ul>
      <p class="count" aria-live="polite">
        {counted(t, 'timelineCount', shown.length)}
      </p>
      {years.map(([year, yearEvents]) => (
        <section key={year} class="year" aria-labelledby={`year-${year}`}>
          <h3 id={`year-${year}`} tabIndex={-1}>
            {year}
          </h3>
          <ol>
            {yearEvents.map((event) => [
              event === markBefore && pageDate && <PageMark key="page-mark" {...{ pageDate, newestFirst, t }} />,
              <EventItem key={event.id} event={event} after={isAfterDate(event, pageDate)} t={t} />,
            ])}
            {markBefore === null && pageDate && year === years.at(-1)?.[0] && (
              <PageMark key="page-mark" {...{ pageDate, newestFirst, t }} />
            )}
          </ol>
        </section>
      ))}
    </section>
  );
}

/**
 * Where the page's date falls among the events shown: the event it goes before, null for after
 * the last, undefined when there is no page date or nothing to show.
 */
function pageMarkPosition(
  shown: readonly DealEvent[],
  pageDate: IsoDate | undefined,
  newestFirst: boolean,
): DealEvent | null | undefined {
  if (pageDate === undefined || shown.length === 0) return undefined;
  const index = shown.findIndex((event) => isAfterDate(event, pageDate) !== newestFirst);
  return index === -1 ? null : shown[index];
}

function PageMark({ pageDate, newestFirst, t }: { pageDate: IsoDate; newestFirst: boolean; t: Translate }) {
  return (
    <li class="page-mark">{t(newestFirst ? 'timelinePageMarkAbove' : 'timelinePageMarkBelow', dateIn(t, pageDate))}</li>
  );
}

function EventItem({ event, after, t }: { event: DealEvent; after: boolean; t: Translate }) {
  return (
    <li class={`event importance-${event.importance}${after ? ' after-page' : ''}`}>
      <time dateTime={event.date}>{dateIn(t, event.date)}</time>
      <div class="body">
        <p class="title">
          {event.importance === 3 && (
            <>
              <span class="key-mark" aria-hidden="true">
                ●
              </span>
              <span class="visually-hidden">{t('timelineLegendKey')}: </span>
            </>
          )}
          {event.title}
        </p>
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
    </li>
  );
}

function FilterButton({ pressed, onClick, label }: { pressed: boolean; onClick: () => void; label: string }) {
  return (
    <button type="button" class="chip" aria-pressed={pressed} onClick={onClick}>
      {label}
    </button>
  );
}
