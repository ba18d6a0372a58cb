import { useEffect, useState } from 'preact/hooks';
import type { Dataset, EntityId } from '../core/dataset-types';
import { pageReferenceDate } from '../core/parse-page-date';
import { browser } from '../shared/browser';
import type { Translate } from '../shared/i18n';
import { sendToTab, type TabMention } from '../shared/messages';
import { updateSettings } from '../shared/settings-store';
import { PageDateLine } from '../ui/PageDateLine';
import { PageSummary } from '../ui/PageSummary';
import { Timeline } from '../ui/Timeline';
import { loadPage, type PageState } from './load-page';
import { allMentions } from './tab-summary';

export interface PopupAppProps {
  readonly dataset: Dataset;
  /** `popup`: the toolbar popup, about the active tab; `tab`: the full timeline in a tab of its own. */
  readonly mode: 'popup' | 'tab';
  readonly initialFilter: EntityId | undefined;
  readonly t: Translate;
}

/** The popup: what the active tab's page says about the deal, and the deal's story. */
export function PopupApp({ dataset, mode, initialFilter, t }: PopupAppProps) {
  const companies = dataset.entities.filter((e) => e.highlightByDefault).map(({ id, name }) => ({ id, name }));
  const [filter, setFilter] = useState(initialFilter);
  const [page, setPage] = useState<PageState>({ kind: mode === 'popup' ? 'loading' : 'unavailable' });

  useEffect(() => {
    if (mode !== 'popup') return;
    void loadPage().then(setPage);
  }, [mode]);

  const setPaused = async (site: string, paused: boolean) => {
    await updateSettings((settings) => ({
      ...settings,
      pausedSites: paused
        ? [...settings.pausedSites, site]
        : settings.pausedSites.filter((s) => s !== site && !site.endsWith(`.${s}`)),
    }));
    // The page applies the change at once; ask it again for what it shows now.
    setPage(await loadPage());
  };

  const reveal = ({ frameId, mentionId }: TabMention) => {
    if (page.kind !== 'ready') return;
    void sendToTab(page.tabId, 'revealMention', { mentionId }, frameId).catch(() => undefined);
  };

  return (
    <main class={`app ${mode}`}>
      <header class="app-head">
        <img src="icons/icon-32.png" alt="" width="20" height="20" />
        <h1>{t('extensionName')}</h1>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOptions')}
        </button>
      </header>
      {mode === 'popup' && (
        <>
          {page.kind === 'loading' && <p class="notice">{t('popupLoading')}</p>}
          {page.kind === 'unavailable' && <p class="notice">{t('popupUnavailable')}</p>}
          {page.kind === 'ready' && (
            <>
              {page.site && (
                <label class="switch">
                  <input
                    type="checkbox"
                    role="switch"
                    checked={!page.paused}
                    onChange={(event) => void setPaused(page.site, !event.currentTarget.checked)}
                  />
                  <span>{t('popupSiteSwitch', page.site)}</span>
                </label>
              )}
              <PageDateLine pageDate={page.pageDate} t={t} />
              {page.paused ? (
                <p class="notice">{t('popupPaused')}</p>
              ) : (
                <>
                  <PageSummary mentions={allMentions(page.frames)} companies={companies} onReveal={reveal} t={t} />
                  {page.capped > 0 && <p class="notice">{t('popupCapped', String(page.capped))}</p>}
                </>
              )}
            </>
          )}
        </>
      )}
      <Timeline
        pageDate={page.kind === 'ready' ? pageReferenceDate(page.pageDate)?.date : undefined}
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
