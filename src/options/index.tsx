/** Options page composition root: settings from storage.sync, shown and saved by OptionsApp. */
import dataset from 'backstory:dataset';
import { render } from 'preact';
import type { Settings } from '../core/settings';
import { browser } from '../shared/browser';
import { currentShortcut, openShortcutSettings, SHORTCUT_SETTINGS_PAGE } from '../shared/commands';
import { t } from '../shared/i18n';
import { mountPage, showSettings } from '../shared/mount-page';
import { loadSettings, updateSettings } from '../shared/settings-store';
import { OptionsApp } from './OptionsApp';

const entities = dataset.entities.map(({ id, name, highlightByDefault }) => ({ id, name, highlightByDefault }));

mountPage(t('optionsTitle'), async (root) => {
  const shortcut = await currentShortcut();
  const show = (settings: Settings) =>
    render(
      <OptionsApp
        entities={entities}
        settings={settings}
        save={async (change) => {
          try {
            show(await updateSettings(change));
          } catch (error) {
            // Not stored: show the settings as they are, and let the page say why.
            show(await loadSettings());
            throw error;
          }
        }}
        shortcut={shortcut}
        shortcutSettingsPage={SHORTCUT_SETTINGS_PAGE}
        onOpenShortcutSettings={() => void openShortcutSettings()}
        onOpenWelcome={() => void browser.tabs.create({ url: browser.runtime.getURL('welcome.html') })}
        t={t}
      />,
      root,
    );
  // Another window, or the popup, may change them too.
  await showSettings(show);
});
