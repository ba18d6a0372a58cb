import type * as PageDates from './find-page-date';
import { onDemand } from './load-on-demand';

/**
 * Loads find-page-date.ts, built apart as page-date.js (a web-accessible resource, like card.js),
 * when a card or the popup first wants the page's date: most pages never show a card.
 */
export const loadPageDates = onDemand<typeof PageDates>('page-date.js');
