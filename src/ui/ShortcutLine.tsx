import type { Translate } from '../shared/i18n';

export interface ShortcutLineProps {
  /** The keyboard command's keys, or undefined where none is set. */
  readonly shortcut: string | undefined;
  /** Where to set one, as typed in the address bar (`chrome://extensions/shortcuts`). */
  readonly settingsPage: string;
  readonly onOpenSettings: () => void;
  readonly t: Translate;
  /** `always`: say the keys when set too (the options page); `unset`: only the missing one (the popup). */
  readonly show: 'always' | 'unset';
}

/** The keyboard command's keys, or that none is set and how to set one. */
export function ShortcutLine({ shortcut, settingsPage, onOpenSettings, t, show }: ShortcutLineProps) {
  if (shortcut) {
    return show === 'always' ? (
      <p class="shortcut">
        <strong>{t('optionsKeyboardShortcut', shortcut)}</strong>
      </p>
    ) : null;
  }
  return (
    <p class="shortcut unset">
      {t('shortcutUnset', settingsPage)}{' '}
      <button type="button" class="link" onClick={onOpenSettings}>
        {t('shortcutSet')}
      </button>
    </p>
  );
}
