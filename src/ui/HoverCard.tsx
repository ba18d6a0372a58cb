import { useState } from 'preact/hooks';
import type { CardModel } from '../core/card-model';
import type { DealEvent, EntityId } from '../core/dataset-types';
import { formatDate } from '../core/format-date';
import type { Translate } from '../shared/i18n';
import { CardFeedback, type CardFeedbackProps } from './CardFeedback';
import { SourceLinks } from './SourceLinks';

export interface HoverCardProps {
  readonly model: CardModel;
  readonly t: Translate;
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
 * The card a reader sees on hovering a name: who it is, its part in the deal, where things stand
 * now, the dates that matter, and the source of every dated fact.
 */
export function HoverCard({ model, t, onOpenEntity, onOpenTimeline, back, onClose, feedback }: HoverCardProps) {
  return (
    <div class="card" role="dialog" aria-modal="false" aria-label={t('cardLabel', model.name)}>
      <header class="head">
        {back && (
          <button type="button" class="back" onClick={back.onBack}>
            ← {t('cardBack', back.name)}
          </button>
        )}
        <div class="title-row">
          <h2 class="name">{model.name}</h2>
          <button type="button" class="close" aria-label={t('cardClose')} title={t('cardClose')} onClick={onClose}>
            ×
          </button>
        </div>
        <p class="identity">{model.identity}</p>
      </header>
      <p class="role">{model.role}</p>
      {model.now && (
        <section class="now" aria-label={t('cardNow')}>
          <h3>{t('cardNow')}</h3>
          <p>{model.now.text}</p>
          <p class="meta">
            {t('cardSince', formatDate(model.now.since))} · {t('cardAsOf', formatDate(model.asOf))}
            <SourceLinks sources={model.now.sources} t={t} shown={SOURCES_SHOWN} />
          </p>
        </section>
      )}
      {model.sincePage && model.sincePage.count > 0 && (
        <section class="since" aria-label={t('cardSincePage', formatDate(model.sincePage.date))}>
          <h3>{t('cardSincePage', formatDate(model.sincePage.date))}</h3>
          <p class="meta">{t('cardSinceCount', String(model.sincePage.count))}</p>
          <ol>
            {model.sincePage.events.map((event) => (
              <KeyEvent key={event.id} event={event} t={t} />
            ))}
          </ol>
        </section>
      )}
      {model.keyEvents.length > 0 && (
        <section class="dates" aria-label={t('cardKeyDates')}>
          <h3>{t('cardKeyDates')}</h3>
          <ol>
            {model.keyEvents.map((event) => (
              <KeyEvent key={event.id} event={event} t={t} />
            ))}
          </ol>
        </section>
      )}
      {model.related.length > 0 && (
        <section class="related" aria-label={t('cardRelated')}>
          <h3>{t('cardRelated')}</h3>
          <ul>
            {model.related.map((entity) => (
              <li key={entity.id}>
                <button type="button" class="chip" onClick={() => onOpenEntity(entity.id)}>
                  {entity.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <footer class="foot">
        <button type="button" class="timeline" onClick={() => onOpenTimeline(model.id)}>
          {t('cardFullTimeline')}
        </button>
        <span>{t('cardFooter')}</span>
      </footer>
      {feedback && <CardFeedback name={model.name} {...feedback} t={t} />}
    </div>
  );
}

function KeyEvent({ event, t }: { event: DealEvent; t: Translate }) {
  const [showDisagreement, setShowDisagreement] = useState(false);
  const disagreementId = `backstory-differ-${event.id}`;
  return (
    <li>
      <time dateTime={event.date}>{formatDate(event.date)}</time>
      <span class="event-title">{event.title}</span>
      <span class="meta">
        {event.confidence === 'single-source' && <span class="single">{t('cardSingleSource')}</span>}
        {event.disagreement && (
          <button
            type="button"
            class="differ"
            aria-expanded={showDisagreement}
            aria-controls={disagreementId}
            onClick={() => setShowDisagreement(!showDisagreement)}
          >
            {t('cardSourcesDiffer')}
          </button>
        )}
        <SourceLinks sources={event.sources} t={t} shown={SOURCES_SHOWN} />
      </span>
      {event.disagreement && showDisagreement && (
        <span class="disagreement" id={disagreementId}>
          {event.disagreement}
        </span>
      )}
    </li>
  );
}
