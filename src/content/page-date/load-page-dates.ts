import { onDemand } from '../on-demand/load';

/**
 * Loads find-page-date.ts, built apart as page-date.js (a web-accessible resource, like card.js),
 * when a card or the popup first wants the page's date: most pages never show a card.
 */
export const loadPageDates = onDemand('page-date.js');
