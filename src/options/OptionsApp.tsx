import { useEffect, useState } from 'preact/hooks';
import type { Entity } from '../core/dataset-types';
import {
  HIGHLIGHT_STYLES,
  HOVER_DELAY_RANGE,
  isHighlighted,
  normalizeSite,
  type HighlightStyle,
  type Settings,
} from '../core/settings';
import type { MessageKey, Translate } from '../shared/i18n';

export interface OptionsAppProps {
  readonly entities: readonly Pick<Entity, 'id' | 'name' | 'highlightByDefault'>[];
  readonly settings: Settings;
  readonly save: (change: (settings: Settings) => Settings) => Promise<void>;
  /** The keyboard command's current keys, or undefined when the user removed them. */
  readonly shortcut: string | undefined;
  readonly t: Translate;
}

const STYLE_LABELS: Record<HighlightStyle, MessageKey> = {
  background: 'optionsStyleBackground',
  underline: 'optionsStyleUnderline',
  'high-contrast': 'optionsStyleHighContrast',
};

/** The options page: every setting, each saved the moment it changes and applied to open tabs. */
export function OptionsApp({ entities, settings, save, shortcut, t }: OptionsAppProps) {
  const [saved, setSaved] = useState(false);
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState(false);
  const [delay, setDelay] = useState(String(settings.hoverDelayMs));
  useEffect(() => setDelay(String(settings.hoverDelayMs)), [settings.hoverDelayMs]);

  const change = async (update: (s: Settings) => Settings) => {
    await save(update);
    setSaved(true);
  };
  const companies = entities.filter((e) => e.highlightByDefault);
  const related = entities.filter((e) => !e.highlightByDefault);
  const entityBox = (entity: OptionsAppProps['entities'][number]) => (
    <li key={entity.id}>
      <label>
        <input
          type="checkbox"
          checked={isHighlighted(settings, entity)}
          onChange={(event) => {
            const on = event.currentTarget.checked;
            void change((s) => ({ ...s, highlight: { ...s.highlight, [entity.id]: on } }));
          }}
        />
        {entity.name}
      </label>
    </li>
  );

  return (
    <main class="options">
      <header class="app-head">
        <img src="icons/icon-48.png" alt="" width="28" height="28" />
        <h1>{t('optionsTitle')}</h1>
      </header>
      <p class="status" role="status">
        {saved ? t('optionsSaved') : ''}
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
      </section>

      <section aria-labelledby="style-heading">
        <h2 id="style-heading">{t('optionsStyleHeading')}</h2>
        <fieldset>
          <legend class="visually-hidden">{t('optionsStyleHeading')}</legend>
          {HIGHLIGHT_STYLES.map((style) => (
            <label key={style} class="style-choice">
              <input
                type="radio"
                name="highlight-style"
                value={style}
                checked={settings.highlightStyle === style}
                onChange={() => void change((s) => ({ ...s, highlightStyle: style }))}
              />
              <span class={`sample sample-${style}`}>TikTok</span> {t(STYLE_LABELS[style])}
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="delay-heading">
        <h2 id="delay-heading">{t('optionsDelayHeading')}</h2>
        <label for="hover-delay">{t('optionsDelayLabel')}</label>
        <input
          id="hover-delay"
          type="number"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={10}
          value={delay}
          onInput={(event) => setDelay(event.currentTarget.value)}
          onChange={(event) => {
            const value = Number(event.currentTarget.value);
            if (value >= HOVER_DELAY_RANGE.min && value <= HOVER_DELAY_RANGE.max) {
              void change((s) => ({ ...s, hoverDelayMs: Math.round(value) }));
            } else {
              setDelay(String(settings.hoverDelayMs));
            }
          }}
        />
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
                <button
                  type="button"
                  onClick={() =>
                    void change((s) => ({ ...s, pausedSites: s.pausedSites.filter((other) => other !== paused) }))
                  }
                >
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
            const normalized = normalizeSite(site);
            setSiteError(!normalized);
            if (!normalized) return;
            setSite('');
            void change((s) => ({ ...s, pausedSites: [...new Set([...s.pausedSites, normalized])] }));
          }}
        >
          <label for="add-site">{t('optionsSiteAdd')}</label>
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
          {siteError && (
            <p id="site-error" class="error">
              {t('optionsSiteInvalid')}
            </p>
          )}
        </form>
      </section>

      <section aria-labelledby="badge-heading">
        <h2 id="badge-heading">{t('optionsBadgeHeading')}</h2>
        <label>
          <input
            type="checkbox"
            checked={settings.showBadge}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              void change((s) => ({ ...s, showBadge: on }));
            }}
          />
          {t('optionsBadgeLabel')}
        </label>
      </section>

      <section aria-labelledby="keyboard-heading">
        <h2 id="keyboard-heading">{t('optionsKeyboardHeading')}</h2>
        <p>
          <strong>{t('optionsKeyboardShortcut', shortcut ?? t('optionsKeyboardUnset'))}</strong>
        </p>
        <p>{t('optionsKeyboardText')}</p>
      </section>
    </main>
  );
}
