/** The dataset, validated and compiled by `build.mjs` (see src/data/load-dataset.ts). */
declare module 'backstory:dataset' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- an ambient module cannot import a relative path
  const dataset: import('./core/dataset-types').Dataset;
  export default dataset;
}

/**
 * What a page needs to find mentions: each entity's id, aliases and default, and nothing more,
 * since the content script runs on every page. Cards ask the background for the rest.
 */
declare module 'backstory:aliases' {
  type MatchingEntity = import('./core/dataset-types').MatchingEntity; // eslint-disable-line @typescript-eslint/consistent-type-imports -- an ambient module cannot import a relative path
  const entities: readonly MatchingEntity[];
  export default entities;
}

/** CSS imported by components is bundled as text and placed in their shadow root. */
declare module '*.css' {
  const css: string;
  export default css;
}

/** Which browser this bundle is built for (`build.mjs` defines it), where the two differ. */
declare const __BROWSER__: 'chrome' | 'firefox';
