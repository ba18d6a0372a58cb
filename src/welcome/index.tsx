/** First-run page composition root: opened once by the background when Backstory is installed. */
import { render } from 'preact';
import { browser } from '../shared/browser';
import { currentShortcut, SHORTCUT_SETTINGS_PAGE } from '../shared/commands';
import { t } from '../shared/i18n';
import { mountPage } from '../shared/mount-page';
import { WelcomeApp } from './WelcomeApp';

mountPage(t('welcomeTitle'), async (root) =>
  render(
    <WelcomeApp
      shortcut={await currentShortcut()}
      shortcutSettingsPage={SHORTCUT_SETTINGS_PAGE}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      t={t}
    />,
    root,
  ),
);
