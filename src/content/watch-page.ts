import { highest } from './ancestors';
import { guarded } from './report-error';

/** What changed in the page since the last report. */
export interface PageChanges {
  /** The highest added nodes (none inside another). */
  readonly added: Node[];
  /** Text nodes whose text changed. */
  readonly edited: Text[];
  /** Whether anything was removed (ranges may have gone stale). */
  readonly removed: boolean;
}

export interface WatchOptions {
  /** Called at most once per `delayMs` with everything that changed meanwhile. */
  readonly onChanges: (changes: PageChanges) => void;
  /** Our own element, whose comings and goings are not the page's changes. */
  readonly ownHost: () => Element | undefined;
  readonly delayMs: number;
  readonly signal: AbortSignal;
}

/** Coalescing window for mutation records: a feed or a re-render settles well within it. */
export const WATCH_DELAY_MS = 80;

/**
 * Follows the page as it changes: one MutationObserver over the document and each open shadow
 * root, its records coalesced so a page that changes all the time costs one pass per window.
 * The window is not pushed back by new records, so a page that never settles is still followed.
 */
export function watchPage({
  onChanges,
  ownHost,
  delayMs,
  signal,
}: WatchOptions): (root: Document | ShadowRoot) => void {
  const added = new Set<Node>();
  const edited = new Set<Text>();
  let removed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = guarded(() => {
    timer = undefined;
    const changes: PageChanges = { added: highest(added), edited: [...edited], removed };
    added.clear();
    edited.clear();
    removed = false;
    onChanges(changes);
  });

  const observer = new MutationObserver(
    guarded((records: MutationRecord[]) => {
      const host = ownHost();
      for (const record of records) {
        if (record.type === 'characterData') {
          if (record.target.nodeType === Node.TEXT_NODE) edited.add(record.target as Text);
          continue;
        }
        for (const node of record.addedNodes) if (node !== host) added.add(node);
        if ([...record.removedNodes].some((node) => node !== host)) removed = true;
      }
      if (timer === undefined && (added.size > 0 || edited.size > 0 || removed)) timer = setTimeout(flush, delayMs);
    }),
  );
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
  const watched = new WeakSet<Node>();
  return (root) => {
    if (signal.aborted || watched.has(root)) return;
    watched.add(root);
    observer.observe(root, { childList: true, characterData: true, subtree: true });
  };
}
