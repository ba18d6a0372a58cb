/**
 * Whether the page is light or dark where a name sits, so its card matches: the background of
 * the first element, from the name's up (out of shadow roots too), that paints an opaque one.
 * A page that paints none (or only a translucent one) is the browser's canvas: the system's
 * theme decides, as it does for the page.
 */
export type PageTheme = 'light' | 'dark';

/** Below this alpha a background lets the one under it show: keep walking up. */
const OPAQUE = 0.5;

/**
 * The luminance under which white text reads better than black (both contrast ratios meet at
 * about 0.18): a background darker than that is a dark page.
 */
const DARK_BELOW = 0.18;

export function pageTheme(from: Element | null): PageTheme {
  for (let element = from; element; element = parentAcrossShadow(element)) {
    const colour = parseColour(getComputedStyle(element).backgroundColor);
    if (colour && colour.alpha >= OPAQUE) return luminance(colour) < DARK_BELOW ? 'dark' : 'light';
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function parentAcrossShadow(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

interface Colour {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly alpha: number;
}

/** A computed `background-color` (`rgb(…)`/`rgba(…)`, comma- or space-separated); else undefined. */
export function parseColour(value: string): Colour | undefined {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%)?)?\s*\)$/.exec(value);
  if (!match) return undefined;
  const [, r, g, b, a, percent] = match;
  const alpha = a === undefined ? 1 : Number(a) / (percent ? 100 : 1);
  return { r: Number(r), g: Number(g), b: Number(b), alpha };
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance({ r, g, b }: Colour): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
