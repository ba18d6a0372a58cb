/**
 * The `::highlight()` rules for every entity and every highlight style, written into
 * `highlights.css` by the build (the manifest declares it, so no <style> enters the page).
 *
 * One rule per entity paints it, its values taken from custom properties whose fallbacks are the
 * default style. A style other than the default is chosen by an attribute on Backstory's own host
 * element: `:root:has(> div[data-backstory-card][data-highlight-style=…])` sets those properties on the root,
 * and every element inherits them, shadow trees included. Nothing of the page's is touched, and no
 * selector has to walk up from each element to the root: written as `:root:has(…) ::highlight()`,
 * the rules cost Chromium a style pass quadratic in the DOM's depth (6 s on a page 4,000 levels
 * deep, with or without a single highlight).
 */
import { entityHue } from '../../core/entity-hues';
import type { HighlightStyle } from '../../core/settings';
import { CURRENT_HIGHLIGHT, highlightName, HOST_SELECTOR } from '../../shared/public-names';

export const STYLE_ATTRIBUTE = 'data-highlight-style';

/** How a name looks in each style, given its entity's hue. */
interface Look {
  readonly background: string;
  readonly decoration: string;
  /** The text's colour; the page's own where unset. */
  readonly color?: string;
}

const LOOKS: Record<HighlightStyle, (rgb: string) => Look> = {
  background: (rgb) => ({ background: `rgb(${rgb} / 0.16)`, decoration: `underline 2px rgb(${rgb} / 0.85)` }),
  underline: (rgb) => ({ background: 'transparent', decoration: `underline 3px rgb(${rgb})` }),
  'high-contrast': () => ({ background: '#ffeb00', decoration: 'underline 2px #000', color: '#000' }),
};
const DEFAULT_STYLE: HighlightStyle = 'background';

const lookOf = (style: HighlightStyle, id: string): Look => LOOKS[style](entityHue(id));

/** The mention the popup or the keyboard just took the reader to, marked for a moment. */
const CURRENT_RULE = `::highlight(${CURRENT_HIGHLIGHT}) { background-color: rgb(255 200 0 / 0.65); color: #111; }`;

/** The rules that paint each entity's names, in whichever style the custom properties say. */
function paintRules(entityIds: readonly string[]): string[] {
  return entityIds.map((id) => {
    const look = lookOf(DEFAULT_STYLE, id);
    return (
      `::highlight(${highlightName(id)}) { ` +
      `background-color: var(--backstory-${id}-background, ${look.background}); ` +
      'color: var(--backstory-color, currentcolor); ' +
      `text-decoration: var(--backstory-${id}-decoration, ${look.decoration}); }`
    );
  });
}

/** The rule that switches to a style other than the default: its custom properties, on the root. */
function styleRule(entityIds: readonly string[], style: HighlightStyle): string {
  const properties = entityIds.flatMap((id) => {
    const look = lookOf(style, id);
    return [`--backstory-${id}-background: ${look.background};`, `--backstory-${id}-decoration: ${look.decoration};`];
  });
  const color = lookOf(style, '').color;
  if (color) properties.push(`--backstory-color: ${color};`);
  return `:root:has(> ${HOST_SELECTOR}[${STYLE_ATTRIBUTE}='${style}']) { ${properties.join(' ')} }`;
}

/** The manifest's `highlights.css`: the rules that paint, and each style's switch. */
export function highlightCss(entityIds: readonly string[]): string {
  const styles = (Object.keys(LOOKS) as HighlightStyle[]).filter((style) => style !== DEFAULT_STYLE);
  return `${[
    '/* Written by the build from src/content/highlight/highlight-styles.ts: how mentions look, per style. */',
    ...paintRules(entityIds),
    ...styles.map((style) => styleRule(entityIds, style)),
    CURRENT_RULE,
  ].join('\n')}\n`;
}

/**
 * The rules that paint, for a shadow root (see shadow-highlight-styles.ts): the style's custom
 * properties come down to it from the root, like everything else it inherits.
 */
export function shadowHighlightCss(entityIds: readonly string[]): string {
  return [...paintRules(entityIds), CURRENT_RULE].join('\n');
}
