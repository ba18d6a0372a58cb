import { useEffect, useState } from 'preact/hooks';
import type { Entity } from '../core/dataset-types';
import {
  HIGHLIGHT_STYLES,
  HOVER_DELAY_RANGE,
  isHighlighted,
  parseHoverDelay,
  pauseSite,
  resumeSite,
  unmuteEntity,
  type HighlightStyle,
  type Settings,
} from '../core/settings';
import type { MessageKey, Translate } from '../shared/i18n';
import { ShortcutLine } from '../ui/ShortcutLine';

export interface OptionsAppProps {
  readonly entities: readonly Pick<Entity, 'id' | 'name' | 'highlightByDefault'>[];
  readonly settings: Settings;
  /** Stores a change; rejects (with the browser's reason) when it could not be stored. */
  readonly save: (change: (settings: Settings) => Settings) => Promise<void>;
  /** The keyboard command's current keys, or undefined when none is set. */
  readonly shortcut: string | undefined;
  readonly shortcutSettingsPage: string;
  readonly onOpenShortcutSettings: () => void;
  readonly onOpenWelcome: () => void;
  readonly t: Translate;
}

const STYLE_LABELS: Record<HighlightStyle, MessageKey> = {
  background: 'optionsStyleBackground',
  underline: 'optionsStyleUnderline',
  'high-contrast': 'optionsStyleHighContrast',
};

/** The parts of the page a change is said to be saved beside. */
type Part = 'highlight' | 'style' | 'delay' | 'sites' | 'muted' | 'badge';

/** What became of the last change: saved, or not, beside the part that changed. */
type SaveState = { readonly part: Part; readonly error?: string; readonly serial: number } | undefined;

/**
 * The options page: every setting, each saved the moment it changes and applied to open tabs;
 * "Saved" (or why not) appears beside the setting that changed and is said politely to screen
 * readers.
 */
export function OptionsApp(props: OptionsAppProps) {
  const { entities, settings, save, t } = props;
  const [state, setState] = useState<SaveState>(undefined);
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState(false);
  const [delay, setDelay] = useState(String(settings.hoverDelayMs));
  const [delayError, setDelayError] = useState(false);
  useEffect(() => setDelay(String(settings.hoverDelayMs)), [settings.hoverDelayMs]);

  const change = async (part: Part, update: (s: Settings) => Settings) => {
    const serial = (state?.serial ?? 0) + 1;
    try {
      await save(update);
      setState({ part, serial });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // The browsers' words for a full storage.sync ("Resource::kQuotaBytesPerItem quota exceeded")
      // say nothing to a reader: say what it means and what to do.
      setState({ part, serial, error: /quota/iu.test(reason) ? t('optionsSaveQuota') : reason });
    }
  };
  const note = (part: Part) => <SaveNote state={state} part={part} t={t} />;
  const names = new Map(entities.map((e) => [e.id, e.name]));
  const companies = entities.filter((e) => e.highlightByDefault);
  const related = entities.filter((e) => !e.highlightByDefault);
  const muted = Object.entries(settings.mutedEntities).flatMap(([host, ids]) => ids.map((id) => [host, id] as const));
  const entityBox = (entity: OptionsAppProps['entities'][number]) => (
    <li key={entity.id}>
      <label class="check">
        <input
          type="checkbox"
          checked={isHighlighted(settings, entity)}
          onChange={(event) => {
            const on = event.currentTarget.checked;
            void change('highlight', (s) => ({ ...s, highlight: { ...s.highlight, [entity.id]: on } }));
          }}
        />
        <span>{entity.name}</span>
      </label>
    </li>
  );
  const saveDelay = (text: string) => {
    const value = parseHoverDelay(text);
    setDelayError(value === undefined);
    if (value !== undefined) void change('delay', (s) => ({ ...s, hoverDelayMs: value }));
  };
  const range = [String(HOVER_DELAY_RANGE.min), String(HOVER_DELAY_RANGE.max)] as const;

  return (
    <main class="options">
      <header class="app-head">
        <img src="icons/icon-48.png" alt="" width="28" height="28" />
        <h1>{t('optionsTitle')}</h1>
      </header>
      <p class="visually-hidden" role="status" aria-live="polite">
        {state && !state.error ? t('optionsSavedAnnounce') : ''}
      </p>

      <section aria-labelledby="highlight-heading">
        <h2 id="highlight-heading">{t('optionsHighlightHeading')}</h2>
        <fieldset>
          <legend>{t('optionsCompanies')}</legend>
          <ul class="choices">{companies.map(entityBox)}</ul>
        </fieldset>
        <fieldset>
          <legend>{t('optionsRelated')}</legend>
          <ul class="choices columns">{related.map(entityBox)}</ul>
        </fieldset>
        {note('highlight')}
      </section>

      <section aria-labelledby="style-heading">
        <h2 id="style-heading">{t('optionsStyleHeading')}</h2>
        <fieldset>
          <legend class="visually-hidden">{t('optionsStyleHeading')}</legend>
          {HIGHLIGHT_STYLES.map((style) => (
            <label key={style} class="check style-choice">
              <input
                type="radio"
                name="highlight-style"
                value={style}
                checked={settings.highlightStyle === style}
                onChange={() => void change('style', (s) => ({ ...s, highlightStyle: style }))}
              />
              <span>
                <span class={`sample sample-${style}`}>{names.get('tiktok') ?? 'TikTok'}</span> {t(STYLE_LABELS[style])}
              </span>
            </label>
          ))}
        </fieldset>
        {note('style')}
      </section>

      <section aria-labelledby="delay-heading">
        <h2 id="delay-heading">{t('optionsDelayHeading')}</h2>
        <label for="hover-delay">{t('optionsDelayLabel')}</label>
        <p id="delay-range" class="hint">
          {t('optionsDelayRange', ...range)}
        </p>
        <div class="control-row">
          <input
            id="hover-delay"
            type="number"
            inputMode="numeric"
            min={HOVER_DELAY_RANGE.min}
            max={HOVER_DELAY_RANGE.max}
            step={10}
            value={delay}
            aria-invalid={delayError}
            aria-describedby={delayError ? 'delay-range delay-error' : 'delay-range'}
            onInput={(event) => setDelay(event.currentTarget.value)}
            onChange={(event) => saveDelay(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') saveDelay(event.currentTarget.value);
            }}
          />
          {note('delay')}
        </div>
        {delayError && (
          <p id="delay-error" class="error" role="alert">
            {t('optionsDelayInvalid', ...range, String(settings.hoverDelayMs))}
          </p>
        )}
      </section>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('optionsSitesHeading')}</h2>
        {settings.pausedSites.length === 0 ? (
          <p class="muted">{t('optionsSitesEmpty')}</p>
        ) : (
          <ul class="sites">
            {settings.pausedSites.map((paused) => (
              <li key={paused}>
                <span>{paused}</span>
                <button type="button" onClick={() => void change('sites', (s) => resumeSite(s, paused))}>
                  {t('optionsSiteRemove', paused)}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          class="add-site"
          onSubmit={(event) => {
            event.preventDefault();
            const valid = pauseSite(settings, site) !== undefined;
            setSiteError(!valid);
            if (!valid) return;
            setSite('');
            void change('sites', (s) => pauseSite(s, site) ?? s);
          }}
        >
          <label for="add-site">{t('optionsSiteAdd')}</label>
          <div class="control-row">
            <input
              id="add-site"
              type="text"
              inputMode="url"
              placeholder="example.com"
              value={site}
              aria-invalid={siteError}
              aria-describedby={siteError ? 'site-error' : undefined}
              onInput={(event) => setSite(event.currentTarget.value)}
            />
            <button type="submit">{t('optionsSiteAddButton')}</button>
            {note('sites')}
          </div>
          {siteError && (
            <p id="site-error" class="error" role="alert">
              {t('optionsSiteInvalid')}
            </p>
          )}
        </form>
      </section>

      <section aria-labelledby="muted-heading">
        <h2 id="muted-heading">{t('optionsMutedHeading')}</h2>
        {muted.length === 0 ? (
          <p class="muted">{t('optionsMutedEmpty')}</p>
        ) : (
          <ul class="sites">
            {muted.map(([host, id]) => (
              <li key={`${host} ${id}`}>
                <span>{t('optionsMutedItem', names.get(id) ?? id, host)}</span>
                <button type="button" onClick={() => void change('muted', (s) => unmuteEntity(s, host, id))}>
                  {t('optionsUnmute', names.get(id) ?? id, host)}
                </button>
              </li>
            ))}
          </ul>
        )}
        {note('muted')}
      </section>

      <section aria-labelledby="badge-heading">
        <h2 id="badge-heading">{t('optionsBadgeHeading')}</h2>
        <div class="control-row">
          <label class="check">
            <input
              type="checkbox"
              checked={settings.showBadge}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                void change('badge', (s) => ({ ...s, showBadge: on }));
              }}
            />
            <span>{t('optionsBadgeLabel')}</span>
          </label>
          {note('badge')}
        </div>
      </section>

      <section aria-labelledby="keyboard-heading">
        <h2 id="keyboard-heading">{t('optionsKeyboardHeading')}</h2>
        <ShortcutLine
          shortcut={props.shortcut}
          settingsPage={props.shortcutSettingsPage}
          onOpenSettings={props.onOpenShortcutSettings}
          t={t}
          show="always"
        />
        <p>{t('optionsKeyboardText', props.shortcutSettingsPage)}</p>
      </section>

      <p class="welcome-link">
        <button type="button" class="link" onClick={props.onOpenWelcome}>
          {t('optionsWelcome')}
        </button>
      </p>
    </main>
  );
}

/** "Saved", or why not, beside the part that changed last; the screen reader hears it from the page's one status. */
function SaveNote({ state, part, t }: { state: SaveState; part: Part; t: Translate }) {
  if (state?.part !== part) return null;
  if (state.error) {
    return (
      <p key={state.serial} class="error save-error" role="alert">
        {t('optionsSaveFailed', state.error)}
      </p>
    );
  }
  return (
    <span key={state.serial} class="saved" aria-hidden="true">
      ✓ {t('optionsSaved')}
    </span>
  );
}
