import type { MessageKey, Translate } from '../shared/i18n';

export interface WelcomeAppProps {
  /** The keyboard command's keys, or undefined where none is set. */
  readonly shortcut: string | undefined;
  readonly shortcutSettingsPage: string;
  readonly onOpenOptions: () => void;
  readonly t: Translate;
}

/** The three pictures, taken by the e2e run from the real extension (test/e2e/screenshots.e2e.test.ts). */
const STEPS: readonly { image: string; heading: MessageKey; text: MessageKey; alt: MessageKey }[] = [
  {
    image: 'welcome-highlight',
    heading: 'welcomeHighlightHeading',
    text: 'welcomeHighlightText',
    alt: 'welcomeHighlightAlt',
  },
  { image: 'welcome-card', heading: 'welcomeCardHeading', text: 'welcomeCardText', alt: 'welcomeCardAlt' },
  { image: 'welcome-popup', heading: 'welcomePopupHeading', text: 'welcomePopupText', alt: 'welcomePopupAlt' },
];

/** The page a new reader sees once, on install: what Backstory does, how to pause it, what it keeps. */
export function WelcomeApp({ shortcut, shortcutSettingsPage, onOpenOptions, t }: WelcomeAppProps) {
  return (
    <main class="welcome">
      <header class="app-head">
        <img src="icons/icon-48.png" alt="" width="40" height="40" />
        <h1>{t('welcomeTitle')}</h1>
      </header>
      <p class="intro">{t('welcomeIntro')}</p>
      <ol class="steps">
        {STEPS.map((step) => (
          <li key={step.image}>
            <figure>
              <img src={`images/${step.image}.png`} alt={t(step.alt)} />
              <figcaption>
                <h2>{t(step.heading)}</h2>
                <p>{t(step.text)}</p>
              </figcaption>
            </figure>
          </li>
        ))}
      </ol>
      <p class="try">
        <a class="button" href="demo.html">
          {t('welcomeTry')}
        </a>
      </p>
      <section aria-labelledby="pause-heading">
        <h2 id="pause-heading">{t('welcomePauseHeading')}</h2>
        <p>
          {t('welcomePauseText')}{' '}
          <button type="button" class="link" onClick={onOpenOptions}>
            {t('welcomeOptions')}
          </button>
        </p>
      </section>
      <section aria-labelledby="shortcut-heading">
        <h2 id="shortcut-heading">{t('welcomeShortcutHeading')}</h2>
        <p>{shortcut ? t('welcomeShortcutText', shortcut) : t('shortcutUnset', shortcutSettingsPage)}</p>
      </section>
      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t('welcomePrivacyHeading')}</h2>
        <p>{t('welcomePrivacyText')}</p>
      </section>
    </main>
  );
}
