/** First-run page composition root: opened once by the background when Backstory is installed. */
import { render } from 'preact';
import { browser } from '../shared/browser';
import { currentShortcut, SHORTCUT_SETTINGS_PAGE } from '../shared/commands';
import { t } from '../shared/i18n';
import { WelcomeApp } from './WelcomeApp';

const root = document.getElementById('app');
document.documentElement.lang = t('uiLocale');
document.title = t('welcomeTitle');

async function main(root: HTMLElement): Promise<void> {
  render(
    <WelcomeApp
      shortcut={await currentShortcut()}
      shortcutSettingsPage={SHORTCUT_SETTINGS_PAGE}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      t={t}
    />,
    root,
  );
}

if (root) void main(root);
