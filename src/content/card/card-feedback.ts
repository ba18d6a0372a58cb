/**
 * What the card's feedback buttons do: "Report a problem" opens the report page (through the
 * background, which may open tabs) about the mention; "Not about this company here" mutes the
 * entity on this site, so it is no longer highlighted here (undone from the popup or options).
 */
import type { EntityId } from '../../core/dataset-types';
import { muteEntity } from '../../core/settings';
import { snippetAround } from '../../core/snippet';
import { askBackground } from '../../shared/extension-api';
import { updateSettings } from '../../shared/settings-store';
import type { PageMention } from '../highlight/highlight-registry';
import { logError } from '../log-error';
import { tabSite } from '../tab-site';

export interface CardFeedbackActions {
  report(mention: PageMention): void;
  notAbout(entityId: EntityId): void;
}

export const cardFeedback: CardFeedbackActions = {
  report(mention) {
    const { startContainer, startOffset, endOffset } = mention.range;
    const text = startContainer.nodeType === Node.TEXT_NODE ? (startContainer as Text).data : mention.text;
    const snippet = snippetAround(text, startOffset, endOffset);
    void askBackground('openReport', {
      entityId: mention.entityId,
      name: mention.text,
      sentence: `${snippet.before}${snippet.name}${snippet.after}`.trim(),
      pageUrl: location.href,
    }).catch(logError);
  },
  notAbout(entityId) {
    // The settings change reaches every frame of every tab on this site, which then stop
    // highlighting the entity (lifecycle.ts).
    void updateSettings((settings) => muteEntity(settings, tabSite(), entityId)).catch(logError);
  },
};
