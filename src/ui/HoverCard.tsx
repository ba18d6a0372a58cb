import { useState } from 'preact/hooks';
import type { CardModel } from '../core/card-model';
import type { DealEvent, EntityId } from '../core/dataset-types';
import { formatDate } from '../core/format-date';
import type { Translate } from '../shared/i18n';
import { CardFeedback, type CardFeedbackProps } from './CardFeedback';
import { SourceLinks } from './SourceLinks';
import { trusted } from './trusted';

export type CardTheme = 'light' | 'dark';

export interface HoverCardProps {
  readonly model: CardModel;
  readonly t: Translate;
  /** The page's theme where the name sits: the card matches it. */
  readonly theme?: CardTheme;
  /** Whether the dataset is old enough that later events may be missing (core/dataset-age). */
  readonly stale?: boolean;
  /** Opens the card of a related entity in place. */
  readonly onOpenEntity: (id: EntityId) => void;
  /** Opens the deal's full timeline, filtered to this entity. */
  readonly onOpenTimeline: (id: EntityId) => void;
  /** Present when this card was reached from another one. */
  readonly back?: { readonly name: string; readonly onBack: () => void };
  readonly onClose: () => void;
  /** The reader's feedback on the mention the card opened for (absent on cards reached from it). */
  readonly feedback?: Pick<CardFeedbackProps, 'onReport' | 'onNotAbout'>;
}

/** Sources shown by name before the rest fold into "+N": the card stays short. */
const SOURCES_SHOWN = 1;

/**
 * Key dates the card shows before "More", on a page that gives no date: two, read in a glance,
 * so the card with its footer and the reader's feedback stays within 420 px.
 */
export const EVENTS_SHOWN = 2;

/** Related entities in the footer before "More". */
export const RELATED_SHOWN = 2;

/**
 * The card a reader sees on a name, read in ten seconds: who it is, its part in the deal, where
 * things stand now and since when, the two or three dates that matter for this page, and a
 * footer that is always in view (related entities, the full timeline). The rest waits behind one
 * "More", which opens in place. Every handler ignores events a page script made up.
 */
export function HoverCard(props: HoverCardProps) {
  const { model, t, theme = 'light', stale = false, onOpenEntity, onOpenTimeline, back, onClose } = props;
  const [more, setMore] = useState(false);
  const since = model.sincePage && model.sincePage.count > 0 ? model.sincePage : undefined;
  // With "since this page", those are the card's dated events, and the key dates wait behind More.
  const keyShown = since ? 0 : EVENTS_SHOWN;
  const keyDates = more ? model.keyEvents : model.keyEvents.slice(0, keyShown);
  const related = more ? model.related : model.related.slice(0, RELATED_SHOWN);
  const hidden = Math.max(0, model.keyEvents.length - keyShown) + Math.max(0, model.related.length - RELATED_SHOWN);
  const asOf = formatDate(model.asOf);
  return (
    <div class="card" data-theme={theme} role="dialog" aria-modal="false" aria-label={t('cardLabel', model.name)}>
      <div class="body">
        <div class="head">
          {back && (
            <button type="button" class="back" onClick={trusted(back.onBack)}>
              ← {t('cardBack', back.name)}
            </button>
          )}
          <div class="title-row">
            <h2 class="name">{model.name}</h2>
            <button
              type="button"
              class="close"
              aria-label={t('cardClose')}
              title={t('cardClose')}
              onClick={trusted(onClose)}
            >
              ×
            </button>
          </div>
          <p class="identity">{model.identity}</p>
        </div>
        {/* With "since this page", the role gets one line and "Now" three, so the card keeps within 420 px. */}
        <p class={more ? 'role' : since ? 'role clamped one-line' : 'role clamped'}>{model.role}</p>
        {model.now ? (
          <section class="now" aria-label={t('cardNow')}>
            <div class="section-head">
              <h3>{t('cardNow')}</h3>
              <span class="meta">
                {t('cardSince', formatDate(model.now.since))}
                {!stale && ` · ${t('cardAsOf', asOf)}`}
                <SourceLinks sources={model.now.sources} t={t} shown={SOURCES_SHOWN} />
              </span>
            </div>
            <p class={since && !more ? 'clamped three-lines' : undefined}>{model.now.text}</p>
          </section>
        ) : (
          !stale && <p class="meta as-of">{t('cardAsOfAlone', asOf)}</p>
        )}
        {stale && <p class="stale">{t('cardStale', asOf)}</p>}
        {since && (
          <section class="since" aria-label={t('cardSincePage', formatDate(since.date))}>
            <div class="section-head">
              <h3>{t('cardSincePage', formatDate(since.date))}</h3>
              <span class="meta">{t('cardSinceShown', String(since.events.length), String(since.count))}</span>
            </div>
            <ol>
              {since.events.map((event) => (
                <KeyEvent key={event.id} event={event} t={t} />
              ))}
            </ol>
          </section>
        )}
        {keyDates.length > 0 && (
          <section class="dates" aria-label={t('cardKeyDates')}>
            {/* The dates speak for themselves: the heading is for screen readers, and for "More". */}
            <h3 class={since || more ? undefined : 'visually-hidden'}>{t('cardKeyDates')}</h3>
            <ol>
              {keyDates.map((event) => (
                <KeyEvent key={event.id} event={event} t={t} />
              ))}
            </ol>
          </section>
        )}
      </div>
      <div class="foot">
        {related.length > 0 && (
          <ul class="related" aria-label={t('cardRelated')}>
            {related.map((entity) => (
              <li key={entity.id}>
                <button type="button" class="chip" onClick={trusted(() => onOpenEntity(entity.id))}>
                  {entity.name}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div class="actions">
          <button type="button" class="timeline" onClick={trusted(() => onOpenTimeline(model.id))}>
            {t('cardFullTimeline')}
          </button>
          {(hidden > 0 || more) && (
            <button type="button" class="more-toggle" aria-expanded={more} onClick={trusted(() => setMore(!more))}>
              {more ? t('cardLess') : t('cardMore')}
            </button>
          )}
        </div>
        {props.feedback && <CardFeedback name={model.name} {...props.feedback} t={t} />}
      </div>
    </div>
  );
}

function KeyEvent({ event, t }: { event: DealEvent; t: Translate }) {
  const [showDisagreement, setShowDisagreement] = useState(false);
  const disagreementId = `backstory-differ-${event.id}`;
  // Only a real dispute is shown: an empty one says nothing.
  const disagreement = event.disagreement?.trim();
  return (
    <li>
      <time dateTime={event.date}>{formatDate(event.date)}</time>
      <span class="event">
        <span class="event-title">{event.title}</span>{' '}
        <span class="meta">
          {event.confidence === 'single-source' && <span class="single">{t('cardSingleSource')}</span>}
          {disagreement && (
            <button
              type="button"
              class="differ"
              aria-expanded={showDisagreement}
              aria-controls={disagreementId}
              onClick={trusted(() => setShowDisagreement(!showDisagreement))}
            >
              {t('cardSourcesDiffer')}
            </button>
          )}
          <SourceLinks sources={event.sources} t={t} shown={SOURCES_SHOWN} />
        </span>
      </span>
      {disagreement && showDisagreement && (
        <span class="disagreement" id={disagreementId}>
          {disagreement}
        </span>
      )}
    </li>
  );
}
