import { useRef, useState } from 'preact/hooks';
import type { EntityId } from '../core/dataset-types';
import { entityHue } from '../core/entity-hues';
import type { Translate } from '../shared/i18n';
import type { TabMention } from '../shared/messages';
import { counted } from './format';

export interface PageSummaryProps {
  readonly mentions: readonly TabMention[];
  readonly companies: readonly { readonly id: EntityId; readonly name: string }[];
  /** Takes the reader to a mention, named by its id (and its frame), not by its place in the list. */
  readonly onReveal: (mention: TabMention) => void;
  readonly t: Translate;
}

/**
 * What the page says about the deal: each company's mentions, counted and listed in context. A
 * count opens its company's list and takes the focus there; each name is marked in its entity's
 * own highlight colour, as on the page.
 */
export function PageSummary({ mentions, companies, onReveal, t }: PageSummaryProps) {
  const groups = companies
    .map((company) => ({ ...company, mentions: mentions.filter((m) => m.entityId === company.id) }))
    .filter((group) => group.mentions.length > 0);
  const [open, setOpen] = useState<ReadonlySet<EntityId>>(
    () => new Set(groups.length === 1 ? groups.map((g) => g.id) : []),
  );
  const lists = useRef(new Map<EntityId, HTMLElement>());
  if (groups.length === 0) return <p class="notice">{t('popupNoMentions')}</p>;

  const setGroupOpen = (id: EntityId, on: boolean) =>
    setOpen((before) => {
      if (before.has(id) === on) return before;
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const showList = (id: EntityId) => {
    setGroupOpen(id, true);
    const summary = lists.current.get(id)?.querySelector('summary');
    summary?.focus();
    summary?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <section class="page-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('popupOnThisPage')}</h2>
      <ul class="counts">
        {groups.map((group) => (
          <li key={group.id}>
            <button
              type="button"
              class="count-chip"
              style={{ '--hue': entityHue(group.id) }}
              aria-controls={`mentions-${group.id}`}
              aria-expanded={open.has(group.id)}
              onClick={() => showList(group.id)}
            >
              <strong>{group.mentions.length.toLocaleString(t('uiLocale'))}</strong> {group.name}
            </button>
          </li>
        ))}
      </ul>
      {groups.map((group) => (
        <details
          key={group.id}
          id={`mentions-${group.id}`}
          class="mentions"
          open={open.has(group.id)}
          style={{ '--hue': entityHue(group.id) }}
          ref={(element) => {
            if (element) lists.current.set(group.id, element);
            else lists.current.delete(group.id);
          }}
          onToggle={(event) => setGroupOpen(group.id, event.currentTarget.open)}
        >
          <summary>{counted(t, 'popupMentionsOf', group.mentions.length, group.name)}</summary>
          <ol>
            {group.mentions.map((mention) => (
              <li key={`${mention.frameId}:${mention.mentionId}`}>
                <button type="button" class="mention" onClick={() => onReveal(mention)}>
                  {mention.snippet.before}
                  <mark>{mention.snippet.name}</mark>
                  {mention.snippet.after}
                </button>
              </li>
            ))}
          </ol>
        </details>
      ))}
    </section>
  );
}
