/**
 * The modules the content script loads when first needed, each built apart from its entry file
 * (build.mjs reads this list): the engine, where the sentinel saw a name; the card's UI, most of
 * Backstory's weight, when a card first opens. The background injects only these files (see background/inject-module.ts).
 */
export const ON_DEMAND_ENTRIES = {
  'engine.js': 'src/content/on-demand/engine-entry.ts',
  'card.js': 'src/content/on-demand/card-entry.ts',
  'page-date.js': 'src/content/on-demand/page-date-entry.ts',
} as const;

export type OnDemandFile = keyof typeof ON_DEMAND_ENTRIES;

export const ON_DEMAND_FILES = Object.keys(ON_DEMAND_ENTRIES) as OnDemandFile[];

/** The property of the content scripts' world that holds what each file offers once it ran (content/on-demand/registry.ts; the popup reads page-date.js through it). */
export const ON_DEMAND_REGISTRY = '__backstoryOnDemand';
