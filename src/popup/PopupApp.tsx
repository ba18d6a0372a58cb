import { useEffect, useState } from 'preact/hooks';
import type { Dataset, EntityId } from '../core/dataset-types';
import { browser } from '../shared/browser';
import type { Translate } from '../shared/i18n';
import { sendToTab, type MentionSummary } from '../shared/messages';
import { PageSummary } from '../ui/PageSummary';
import { Timeline } from '../ui/Timeline';

export interface PopupAppProps {
  readonly dataset: Dataset;
  /** `popup`: the toolbar popup, about the active tab; `tab`: the full timeline in a tab of its own. */
  readonly mode: 'popup' | 'tab';
  readonly initialFilter: EntityId | undefined;
  readonly t: Translate;
}

type PageState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly tabId: number; readonly mentions: readonly MentionSummary[] }
  | { readonly kind: 'unavailable' };

/** The popup: what the active tab's page says about the deal, and the deal's story. */
export function PopupApp({ dataset, mode, initialFilter, t }: PopupAppProps) {
  const companies = dataset.entities.filter((e) => e.highlightByDefault).map(({ id, name }) => ({ id, name }));
  const [filter, setFilter] = useState(initialFilter);
  const [page, setPage] = useState<PageState>({ kind: mode === 'popup' ? 'loading' : 'unavailable' });

  useEffect(() => {
    if (mode !== 'popup') return;
    void loadPage().then(setPage);
  }, [mode]);

  const reveal = (entityId: EntityId, index: number) => {
    if (page.kind !== 'ready') return;
    void sendToTab(page.tabId, 'revealMention', { entityId, index }).catch(() => undefined);
  };

  return (
    <main class={`app ${mode}`}>
      <header class="app-head">
        <img src="icons/icon-32.png" alt="" width="20" height="20" />
        <h1>{t('extensionName')}</h1>
      </header>
      {mode === 'popup' && (
        <>
          {page.kind === 'loading' && <p class="notice">{t('popupLoading')}</p>}
          {page.kind === 'unavailable' && <p class="notice">{t('popupUnavailable')}</p>}
          {page.kind === 'ready' && (
            <PageSummary mentions={page.mentions} companies={companies} onReveal={reveal} t={t} />
          )}
        </>
      )}
      <Timeline
        events={dataset.events}
        companies={companies}
        filter={filter}
        onFilter={setFilter}
        asOf={dataset.asOf}
        t={t}
      />
    </main>
  );
}

/** Asks the active tab's content script for its mentions; pages it cannot run on answer nothing. */
async function loadPage(): Promise<PageState> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return { kind: 'unavailable' };
    const { mentions } = await sendToTab(tab.id, 'pageSummary', {});
    return { kind: 'ready', tabId: tab.id, mentions };
  } catch {
    // No content script: a browser page, an extension store, the PDF viewer.
    return { kind: 'unavailable' };
  }
}
