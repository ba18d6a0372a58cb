import type { Translate } from '../shared/i18n';
import { trusted } from './trusted';

export interface CardFeedbackProps {
  /** The entity's name, as the card shows it. */
  readonly name: string;
  /** "Report a problem": opens the report page about this mention. */
  readonly onReport: () => void;
  /** "Not about <name> here": stops highlighting this entity on this site (undone from the popup or options). */
  readonly onNotAbout: () => void;
  readonly t: Translate;
}

/** The card's two ways for a reader to say it is wrong. */
export function CardFeedback({ name, onReport, onNotAbout, t }: CardFeedbackProps) {
  return (
    <div class="feedback">
      <button type="button" class="feedback-action" onClick={trusted(onNotAbout)}>
        {t('cardNotAboutHere', name)}
      </button>
      <button type="button" class="feedback-action" onClick={trusted(onReport)}>
        {t('reportProblem')}
      </button>
    </div>
  );
}
