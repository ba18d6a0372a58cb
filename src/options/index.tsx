/** Options page composition root: settings from storage.sync, shown and saved by OptionsApp. */
import dataset from 'backstory:dataset';
import { render } from 'preact';
import type { Settings } from '../core/settings';
import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import { loadSettings, onSettingsChanged, updateSettings } from '../shared/settings-store';
import { NEXT_MENTION_COMMAND } from '../shared/commands';
import { OptionsApp } from './OptionsApp';

const root = document.getElementById('app');
const entities = dataset.entities.map(({ id, name, highlightByDefault }) => ({ id, name, highlightByDefault }));
document.title = t('optionsTitle');

async function main(): Promise<void> {
  if (!root) return;
  const commands = await browser.commands.getAll().catch(() => []);
  const shortcut = commands.find((c) => c.name === NEXT_MENTION_COMMAND)?.shortcut || undefined;
  const show = (settings: Settings) =>
    render(
      <OptionsApp
        entities={entities}
        settings={settings}
        save={async (change) => show(await updateSettings(change))}
        shortcut={shortcut}
        t={t}
      />,
      root,
    );
  show(await loadSettings());
  // Another window, or the popup, may change them too.
  onSettingsChanged(show, new AbortController().signal);
}

void main();
