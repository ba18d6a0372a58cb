/**
 * Where a highlighted name is on screen, read from its `CSS.highlights` range: what the e2e tests
 * and the bench point at to hover a name.
 */
import type { Frame, Page } from 'puppeteer-core';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A page, or one of its frames: each frame runs Backstory on its own document. */
export type PageOrFrame = Page | Frame;

/** The first box of the `index`-th range of a highlight in document order, in viewport coordinates. */
export async function mentionBox(page: PageOrFrame, name: string, index: number): Promise<Box> {
  const box = await page.evaluate(
    (name, index) => {
      const highlight = CSS.highlights.get(name);
      const ranges = highlight ? [...(highlight as unknown as Iterable<Range>)] : [];
      // Ranges in different trees (a shadow root and the document) cannot be compared: kept as registered.
      const inOrder = (a: Range, b: Range) => {
        try {
          return a.compareBoundaryPoints(Range.START_TO_START, b);
        } catch {
          return 0;
        }
      };
      const range = ranges.sort(inOrder)[index];
      const rect = range?.getClientRects()[0];
      return rect && { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    },
    name,
    index,
  );
  if (!box) throw new Error(`No range ${index} in ${name}`);
  return box;
}
