/**
 * The names Backstory gives things a page, DevTools and other tools can see: the highlights in
 * `CSS.highlights`, the one element it adds to a page, its User Timing measures. The README
 * documents them, tests and the bench look for them: they are defined here and nowhere else.
 */
import type { EntityId } from '../core/dataset-types';

/** The highlight that paints an entity's names: `backstory-tiktok`, `backstory-oracle`… */
export const highlightName = (entityId: EntityId): string => `backstory-${entityId}`;

/** The highlight of the mention the popup or the keyboard just took the reader to. */
export const CURRENT_HIGHLIGHT = 'backstory-current';

/** The attribute that marks Backstory's one element in a page (see content/card/card-host-element.ts). */
export const HOST_ATTRIBUTE = 'data-backstory-card';

/** A selector for that element, from the page's side. */
export const HOST_SELECTOR = `div[${HOST_ATTRIBUTE}]`;

/** User Timing measure of each scan pass, `detail: { textNodes, mentions }`; none on a page with no name. */
export const SCAN_MEASURE = 'backstory:scan';

/**
 * User Timing measure of each card the pointer opens (a hover's delay over, or a tap), until it is
 * painted; `detail: { frames }`.
 */
export const CARD_MEASURE = 'backstory:card';
