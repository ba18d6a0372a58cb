/** Popup composition root; the same page, opened in a tab with ?view=timeline, is the full timeline. */
import dataset from 'backstory:dataset';
import { render } from 'preact';
import type { Settings } from '../core/settings';
import { currentShortcut, openShortcutSettings, SHORTCUT_SETTINGS_PAGE } from '../shared/commands';
import { t } from '../shared/i18n';
import { loadSettings, onSettingsChanged } from '../shared/settings-store';
import { PopupApp } from './PopupApp';

const params = new URLSearchParams(location.search);
const entity = params.get('entity');
const root = document.getElementById('app');
const mode = params.get('view') === 'timeline' ? 'tab' : 'popup';
document.documentElement.lang = t('uiLocale');
document.title = mode === 'tab' ? t('timelinePageTitle') : t('extensionName');

async function main(root: HTMLElement): Promise<void> {
  const shortcut = await currentShortcut();
  const show = (settings: Settings) =>
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
    );
  show(await loadSettings());
  onSettingsChanged(show, new AbortController().signal);
}

if (root) void main(root);
