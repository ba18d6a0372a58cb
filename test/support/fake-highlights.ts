import { afterEach, beforeEach, vi } from 'vitest';

/** happy-dom has no CSS Custom Highlight API: a set-like stand-in, as the browsers provide. */
export class FakeHighlight extends Set<Range> {}

/** For a dom test file: `Highlight` and `CSS.highlights` stood in for before each test, removed after. */
export function useFakeHighlights(): void {
  beforeEach(() => {
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { highlights: new Map<string, FakeHighlight>() });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
}
