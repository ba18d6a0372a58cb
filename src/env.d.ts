/** The dataset, validated and compiled by `build.mjs` (see src/data/load-dataset.ts). */
declare module 'backstory:dataset' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- an ambient module cannot import a relative path
  const dataset: import('./core/dataset-types').Dataset;
  export default dataset;
}

/** CSS imported by components is bundled as text and placed in their shadow root. */
declare module '*.css' {
  const css: string;
  export default css;
}
