import { afterDelay, type CancelDelay } from '../after-delay';
import { highest } from '../scan/ancestors';
import { guarded } from '../log-error';

/** What changed in the page since the last report. */
export interface PageChanges {
  /** The highest added nodes (none inside another). */
  readonly added: Node[];
  /** Text nodes whose text changed. */
  readonly edited: Text[];
  /** Whether anything was removed. */
  readonly removed: boolean;
  /**
   * Whether what is rendered may have changed without a change of text: an element's class,
   * style, `hidden` or `open` changed, a `<details>` or popover toggled, a transition or an
   * animation ended (a menu opened or closed).
   */
  readonly restyled: boolean;
}

export interface WatchOptions {
  /** Called at most once per `delayMs` with everything that changed meanwhile, to be read again. */
  readonly onChanges: (changes: PageChanges) => void;
  /**
   * Called at once, in the observer's callback (before the page paints again), with the text
   * nodes whose text changed and whether anything was removed: ranges there may be stale now,
   * and must not wait for the next pass.
   */
  readonly onStale: (edited: readonly Text[], removed: boolean) => void;
  /** Our own element, whose comings and goings are not the page's changes. */
  readonly ownHost: () => Element | undefined;
  readonly delayMs: number;
  readonly signal: AbortSignal;
}

/** Attributes whose change may show or hide text: one of them is how a page opens a menu. */
const RENDERING_ATTRIBUTES = ['class', 'style', 'hidden', 'open'];

/** Coalescing window for mutation records: a feed or a re-render settles well within it. */
export const WATCH_DELAY_MS = 80;

/**
 * Follows the page as it changes: one MutationObserver over the document and each open shadow
 * root. What may have gone stale is reported at once; what must be read again is coalesced, so
 * a page that changes all the time costs one pass per window. The window is not pushed back by
 * new records, so a page that never settles is still followed.
 */
export function watchPage({
  onChanges,
  onStale,
  ownHost,
  delayMs,
  signal,
}: WatchOptions): (root: Document | ShadowRoot) => void {
  const added = new Set<Node>();
  const edited = new Set<Text>();
  let removed = false;
  let restyled = false;
  let timer: CancelDelay | undefined;

  const flush = guarded(() => {
    timer = undefined;
    const changes: PageChanges = { added: highest(added), edited: [...edited], removed, restyled };
    added.clear();
    edited.clear();
    removed = false;
    restyled = false;
    onChanges(changes);
  });
  const schedule = () => {
    if (timer === undefined && (added.size > 0 || edited.size > 0 || removed || restyled))
      timer = afterDelay(delayMs, flush);
  };
  const onRestyle = () => {
    restyled = true;
    schedule();
  };

  const observer = new MutationObserver(
    guarded((records: MutationRecord[]) => {
      const host = ownHost();
      const editedNow: Text[] = [];
      let removedNow = false;
      for (const record of records) {
        if (record.type === 'characterData') {
          if (record.target.nodeType === Node.TEXT_NODE) editedNow.push(record.target as Text);
          continue;
        }
        if (record.type === 'attributes') {
          if (record.target !== host) restyled = true;
          continue;
        }
        for (const node of record.addedNodes) if (node !== host) added.add(node);
        for (const node of record.removedNodes) if (node !== host) removedNow = true;
      }
      for (const node of editedNow) edited.add(node);
      removed ||= removedNow;
      if (editedNow.length > 0 || removedNow) onStale(editedNow, removedNow);
      schedule();
    }),
  );
  // Not bubbling (toggle) or not always from the document's tree: listened to as they go down.
  for (const type of ['toggle', 'transitionend', 'animationend'])
    addEventListener(type, onRestyle, { capture: true, passive: true, signal });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      timer?.();
    },
    { once: true },
  );
  const watched = new WeakSet<Node>();
  return (root) => {
    if (signal.aborted || watched.has(root)) return;
    watched.add(root);
    observer.observe(root, {
      childList: true,
      characterData: true,
      subtree: true,
      attributeFilter: RENDERING_ATTRIBUTES,
    });
  };
}
