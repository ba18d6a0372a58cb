/**
 * Each company's hue, as `r g b`: the one source of the colours that mark an entity's names, in
 * the page (highlights.css, written from content/highlight/highlight-styles.ts) and in the popup's list.
 */
const HUES: Readonly<Record<string, string>> = {
  tiktok: '254 44 85',
  oracle: '232 90 20',
  bytedance: '51 112 255',
};

/** The hue of entities other than the three companies. */
export const OTHER_HUE = '128 90 213';

export function entityHue(id: string): string {
  return HUES[id] ?? OTHER_HUE;
}
