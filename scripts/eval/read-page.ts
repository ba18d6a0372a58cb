/**
 * What the evaluation reads from a page once Backstory has scanned it: the page's body text, and
 * where in it each highlighted mention starts and ends. Runs in the page's main world, which sees
 * the content script's `CSS.highlights` (one registry per document).
 */
import type { Page } from 'puppeteer-core';
import { highlightName, SCAN_MEASURE } from '../../src/shared/public-names';

/** The companies the evaluation measures; the related entities (off by default) never count. */
export const COMPANIES = ['tiktok', 'oracle', 'bytedance'] as const;
export type Company = (typeof COMPANIES)[number];

/** The names the page function looks for, handed to it: it runs in the page, with nothing of this module. */
const PUBLIC_NAMES = {
  highlights: Object.fromEntries(COMPANIES.map((id) => [id, highlightName(id)])) as Record<string, string>,
  scan: SCAN_MEASURE,
};

/** One highlighted range, as offsets into the body text. */
export interface Detection {
  readonly entity: Company;
  readonly start: number;
  readonly end: number;
  /** `range.toString()`: what the reader sees highlighted. */
  readonly text: string;
}

/** A stretch of body text (from `start` to the next place's start, or less) and what holds it. */
export interface Place {
  readonly start: number;
  /** `textarea`, `contenteditable`, `svg title (hidden)`… or `''` for plain visible text. */
  readonly where: string;
}

export interface PageReading {
  /**
   * The text nodes under `<body>` in document order (open shadow roots entered at their host),
   * minus scripts, styles, `noscript` and templates.
   */
  readonly text: string;
  readonly detections: readonly Detection[];
  /** Highlighted ranges that do not start in a text node of the body text (never expected; reported). */
  readonly unmapped: readonly { readonly entity: Company; readonly text: string }[];
  /**
   * Where each text node that could hold a candidate starts, and what holds it when a reader
   * might not see it or Backstory does not read it (a text area, an editable region, hidden text).
   */
  readonly places: readonly Place[];
  /** `detail.mentions` of each `backstory:scan` measure: what each pass found, painted or not. */
  readonly passes: readonly number[];
}

/**
 * Reads the body text and the highlights. The body text is what a reader could find on the page,
 * hidden text and form fields included, so that a name Backstory skips is still counted as missed.
 * The function runs in the page: it is self-contained (nothing from this module's scope).
 */
export async function readPage(page: Page): Promise<PageReading> {
  return page.evaluate(
    (companies, names) => {
      const EXCLUDED = new Set(['script', 'style', 'noscript', 'template']);
      const NOTABLE = 'textarea, select, [contenteditable]:not([contenteditable="false" i]), svg, math, title, iframe';
      const MAYBE_CANDIDATE = /tik|tok|oracle|orcl|byte|dance|字节|跳动/iu;
      const starts = new Map<Node, number>();
      const places: { start: number; where: string }[] = [];
      const placeOf = (text: Text, start: number) => {
        const parent = text.parentElement;
        const holders: string[] = [];
        for (let at = parent?.closest(NOTABLE); at; at = at.parentElement?.closest(NOTABLE)) {
          holders.unshift(at.hasAttribute('contenteditable') ? 'contenteditable' : at.localName);
        }
        // Not rendered by the rule Backstory follows (src/content/scan/text-rendered.ts): no box, a
        // `visibility: hidden` one, or one of no size. Such a name is neither found nor missed.
        const box = parent?.getBoundingClientRect();
        if (parent && (!parent.checkVisibility({ visibilityProperty: true }) || !box?.width || !box.height))
          holders.push('(hidden)');
        places.push({ start, where: holders.join(' ') });
      };
      const parts: string[] = [];
      let length = 0;
      const filter = (node: Node): number =>
        node.nodeType === Node.ELEMENT_NODE && EXCLUDED.has((node as Element).localName)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT;
      const walk = (from: Node) =>
        document.createTreeWalker(from, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, filter);
      const walkers = document.body ? [walk(document.body)] : [];
      for (let walker = walkers.at(-1); walker; walker = walkers.at(-1)) {
        const node = walker.nextNode();
        if (!node) {
          walkers.pop();
        } else if (node.nodeType === Node.TEXT_NODE) {
          const data = (node as Text).data;
          starts.set(node, length);
          if (MAYBE_CANDIDATE.test(data)) placeOf(node as Text, length);
          parts.push(data);
          length += data.length;
        } else {
          const shadow = (node as Element).shadowRoot;
          if (shadow) walkers.push(walk(shadow));
        }
      }

      const offset = (container: Node, at: number): number | undefined => {
        const base = starts.get(container);
        return base === undefined ? undefined : base + at;
      };
      const detections: { entity: string; start: number; end: number; text: string }[] = [];
      const unmapped: { entity: string; text: string }[] = [];
      for (const entity of companies) {
        const highlight = CSS.highlights.get(names.highlights[entity] ?? '');
        if (!highlight) continue;
        for (const range of highlight as unknown as Iterable<AbstractRange>) {
          const text = range instanceof Range ? range.toString() : '';
          const start = offset(range.startContainer, range.startOffset);
          const end = offset(range.endContainer, range.endOffset);
          if (start === undefined || end === undefined) unmapped.push({ entity, text });
          else detections.push({ entity, start, end, text });
        }
      }
      detections.sort((a, b) => a.start - b.start || a.end - b.end);
      const passes = performance
        .getEntriesByName(names.scan)
        .map((entry) => Number((entry as PerformanceMeasure).detail?.mentions ?? 0));
      return { text: parts.join(''), detections, unmapped, places, passes };
    },
    COMPANIES,
    PUBLIC_NAMES,
  ) as Promise<PageReading>;
}
