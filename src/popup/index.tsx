/** Popup composition root; the same page, opened in a tab with ?view=timeline, is the full timeline. */
import dataset from 'backstory:dataset';
import { render } from 'preact';
import { currentShortcut, openShortcutSettings, SHORTCUT_SETTINGS_PAGE } from '../shared/commands';
import { t } from '../shared/i18n';
import { mountPage, showSettings } from '../shared/mount-page';
import { PopupApp } from './PopupApp';

const params = new URLSearchParams(location.search);
const entity = params.get('entity');
const mode = params.get('view') === 'timeline' ? 'tab' : 'popup';

mountPage(mode === 'tab' ? t('timelinePageTitle') : t('extensionName'), async (root) => {
  const shortcut = await currentShortcut();
  await showSettings((settings) =>
    render(
      <PopupApp
        dataset={dataset}
        mode={mode}
        initialFilter={entity && dataset.entities.some((e) => e.id === entity) ? entity : undefined}
        settings={settings}
        shortcut={shortcut}
        shortcutSettingsPage={SHORTCUT_SETTINGS_PAGE}
        onOpenShortcutSettings={() => void openShortcutSettings()}
        t={t}
      />,
      root,
    ),
  );
});
