/**
 * What the sentinel hands the engine when it wakes it (src/content/sentinel), so that the page is
 * not read twice: the engine's first pass reads `roots` instead of the whole page, and it watches
 * the shadow roots and waits for the custom elements the sentinel met.
 */
export interface PageHandoff {
  /** The texts that may hold a name, and the nodes that changed since they were read. */
  readonly roots: readonly Node[];
  /** The open shadow roots in the page (their changes are watched). */
  readonly shadowRoots: readonly ShadowRoot[];
  /** Custom elements not defined yet: they may attach a shadow root once they are. */
  readonly undefinedElements: readonly Element[];
}
