/**
 * The modules the content script loads when first needed, each built apart from its entry file
 * (build.mjs reads this list): the card's UI is most of Backstory's weight, and most pages never
 * show a card. The background injects only these files (see background/inject-module.ts).
 */
export const ON_DEMAND_ENTRIES = {
  'card.js': 'src/content/on-demand/card-entry.ts',
  'page-date.js': 'src/content/on-demand/page-date-entry.ts',
} as const;

export type OnDemandFile = keyof typeof ON_DEMAND_ENTRIES;

export const ON_DEMAND_FILES = Object.keys(ON_DEMAND_ENTRIES) as OnDemandFile[];
