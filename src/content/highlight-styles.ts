/**
 * The `::highlight()` rules for every entity and every highlight style, written into
 * `highlights.css` by the build (the manifest declares it, so no <style> enters the page).
 * A style other than the default is chosen by an attribute on Backstory's own host element:
 * `:root:has(> backstory-card[data-highlight-style=…])` switches the rules without touching
 * anything of the page's.
 */
import type { HighlightStyle } from '../core/settings';

/** Each company's hue; other entities share a neutral one. */
const HUES: Readonly<Record<string, string>> = {
  tiktok: '254 44 85',
  oracle: '232 90 20',
  bytedance: '51 112 255',
};
const OTHER_HUE = '128 90 213';

export const STYLE_ATTRIBUTE = 'data-highlight-style';

const RULES: Record<HighlightStyle, (rgb: string) => string> = {
  background: (rgb) => `background-color: rgb(${rgb} / 0.16); text-decoration: underline 2px rgb(${rgb} / 0.85);`,
  underline: (rgb) => `background-color: transparent; text-decoration: underline 3px rgb(${rgb});`,
  'high-contrast': () => 'background-color: #ffeb00; color: #000; text-decoration: underline 2px #000;',
};

/** The rule of the mention the popup or the keyboard just took the reader to, marked for a moment. */
const CURRENT_RULE = '::highlight(backstory-current) { background-color: rgb(255 200 0 / 0.65); color: #111; }';

/** The rules of one style, for every entity, each under `scope` (a selector prefix, maybe empty). */
const styleRules = (entityIds: readonly string[], style: HighlightStyle, scope = ''): string[] =>
  entityIds.map((id) => `${scope}::highlight(backstory-${id}) { ${RULES[style](HUES[id] ?? OTHER_HUE)} }`);

/** The manifest's `highlights.css`: every style, the chosen one switched by our host's attribute. */
export function highlightCss(entityIds: readonly string[]): string {
  const lines = ['/* Written by the build from src/content/highlight-styles.ts: how mentions look, per style. */'];
  for (const style of Object.keys(RULES) as HighlightStyle[]) {
    const scope = style === 'background' ? '' : `:root:has(> backstory-card[${STYLE_ATTRIBUTE}='${style}']) `;
    lines.push(...styleRules(entityIds, style, scope));
  }
  lines.push('/* The mention the popup or the keyboard just took the reader to, marked for a moment. */', CURRENT_RULE);
  return `${lines.join('\n')}\n`;
}

/**
 * The rules of the chosen style alone, unscoped: for a shadow root, where `:root` and our host
 * cannot be seen, so the style is chosen when the rules are written.
 */
export function shadowHighlightCss(entityIds: readonly string[], style: HighlightStyle): string {
  return [...styleRules(entityIds, style), CURRENT_RULE].join('\n');
}
