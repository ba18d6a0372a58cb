import { useEffect, useState } from 'preact/hooks';
import type { Dataset, EntityId } from '../core/dataset-types';
import { pageReferenceDate } from '../core/parse-page-date';
import { mutedOn, pauseSite, resumeSite, unmuteEntity, type Settings } from '../core/settings';
import { browser } from '../shared/browser';
import type { Translate } from '../shared/i18n';
import { sendToTab, type TabMention } from '../shared/messages';
import { reportPageUrl } from '../shared/report';
import { updateSettings } from '../shared/settings-store';
import { counted } from '../ui/format';
import { PageDateLine } from '../ui/PageDateLine';
import { PageSummary } from '../ui/PageSummary';
import { ShortcutLine } from '../ui/ShortcutLine';
import { Timeline } from '../ui/Timeline';
import { loadPage, type PageState } from './load-page';
import { allMentions } from './tab-summary';

export interface PopupAppProps {
  readonly dataset: Dataset;
  /** `popup`: the toolbar popup, about the active tab; `tab`: the full timeline in a tab of its own. */
  readonly mode: 'popup' | 'tab';
  readonly initialFilter: EntityId | undefined;
  /** The settings as they are now, kept up to date by the caller. */
  readonly settings: Settings;
  /** The keyboard command's keys, or undefined where none is set. */
  readonly shortcut: string | undefined;
  readonly shortcutSettingsPage: string;
  readonly onOpenShortcutSettings: () => void;
  readonly t: Translate;
}

/** The popup: what the active tab's page says about the deal, and the deal's story. */
export function PopupApp(props: PopupAppProps) {
  const { dataset, mode, initialFilter, settings, shortcut, t } = props;
  const companies = dataset.entities.filter((e) => e.highlightByDefault).map(({ id, name }) => ({ id, name }));
  const names = new Map(dataset.entities.map((e) => [e.id, e.name]));
  const [filter, setFilter] = useState(initialFilter);
  const [page, setPage] = useState<PageState>({ kind: mode === 'popup' ? 'loading' : 'unavailable' });

  useEffect(() => {
    if (mode !== 'popup') return;
    void loadPage().then(setPage);
  }, [mode]);

  useEffect(() => {
    if (mode !== 'tab') return;
    const company = filter === undefined ? undefined : names.get(filter);
    document.title = company ? t('timelinePageTitleOf', company) : t('timelinePageTitle');
  }, [mode, filter]);

  const setPaused = async (site: string, paused: boolean) => {
    await updateSettings((s) => (paused ? (pauseSite(s, site) ?? s) : resumeSite(s, site)));
    // The page applies the change at once; ask it again for what it shows now.
    setPage(await loadPage());
  };
  const unmute = async (site: string, entityId: EntityId) => {
    await updateSettings((s) => unmuteEntity(s, site, entityId));
    setPage(await loadPage());
  };
  const openReport = () => {
    void browser.tabs.create({ url: browser.runtime.getURL(reportPageUrl({})) });
    if (mode === 'popup') window.close();
  };

  const reveal = ({ frameId, mentionId }: TabMention) => {
    if (page.kind !== 'ready') return;
    void sendToTab(page.tabId, 'revealMention', { mentionId }, frameId).catch(() => undefined);
  };
  const muted = page.kind === 'ready' && page.site ? mutedOn(settings, page.site) : [];

  return (
    <main class={`app ${mode}`}>
      <header class="app-head">
        <img src="icons/icon-32.png" alt="" width="20" height="20" />
        <h1>{mode === 'tab' ? t('timelinePageTitle') : t('extensionName')}</h1>
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
              {muted.length > 0 && !page.paused && (
                <ul class="muted-here" aria-label={t('popupMutedHere')}>
                  {muted.map((id) => (
                    <li key={id}>
                      {t('popupMutedEntity', names.get(id) ?? id)}{' '}
                      <button type="button" class="link" onClick={() => void unmute(page.site, id)}>
                        {t('popupUnmute', names.get(id) ?? id)}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {page.paused ? (
                <p class="notice">{t('popupPaused')}</p>
              ) : (
                <>
                  <PageSummary mentions={allMentions(page.frames)} companies={companies} onReveal={reveal} t={t} />
                  {page.capped > 0 && <p class="notice">{counted(t, 'popupCapped', page.capped)}</p>}
                </>
              )}
            </>
          )}
        </>
      )}
      <div class="app-foot">
        {mode === 'popup' && (
          <ShortcutLine
            shortcut={shortcut}
            settingsPage={props.shortcutSettingsPage}
            onOpenSettings={props.onOpenShortcutSettings}
            t={t}
            show="unset"
          />
        )}
        <button type="button" class="link" onClick={openReport}>
          {t('reportProblem')}
        </button>
      </div>
      <Timeline
        pageDate={page.kind === 'ready' ? pageReferenceDate(page.pageDate)?.date : undefined}
        events={dataset.events}
        companies={companies}
        entityNames={names}
        filter={filter}
        onFilter={setFilter}
        asOf={dataset.asOf}
        t={t}
      />
    </main>
  );
}
