import type { EntityId } from '../core/dataset-types';
import type { Translate } from '../shared/i18n';
import type { TabMention } from '../shared/messages';

export interface PageSummaryProps {
  readonly mentions: readonly TabMention[];
  readonly companies: readonly { readonly id: EntityId; readonly name: string }[];
  /** Takes the reader to a mention, named by its id (and its frame), not by its place in the list. */
  readonly onReveal: (mention: TabMention) => void;
  readonly t: Translate;
}

/** What the page says about the deal: each company's mentions, counted and listed in context. */
export function PageSummary({ mentions, companies, onReveal, t }: PageSummaryProps) {
  const groups = companies
    .map((company) => ({ ...company, mentions: mentions.filter((m) => m.entityId === company.id) }))
    .filter((group) => group.mentions.length > 0);
  if (groups.length === 0) return <p class="notice">{t('popupNoMentions')}</p>;
  return (
    <section class="page-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('popupOnThisPage')}</h2>
      <ul class="counts">
        {groups.map((group) => (
          <li key={group.id}>
            <a href={`#mentions-${group.id}`}>
              <strong>{group.mentions.length}</strong> {group.name}
            </a>
          </li>
        ))}
      </ul>
      {groups.map((group) => (
        <details key={group.id} id={`mentions-${group.id}`} class="mentions" open={groups.length === 1}>
          <summary>{t('popupMentionsOf', group.name, String(group.mentions.length))}</summary>
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
