import { afterDelay, type CancelDelay } from '../after-delay';
import { highest } from '../scan/ancestors';
import { yieldToPage } from '../scan/yield-to-page';
import { guarded, logError } from '../log-error';
import type { PageHandoff } from '../page-handoff';
import { WATCH_DELAY_MS } from '../watch/watch-page';
import { watchUpgrades } from '../watch/watch-upgrades';
import { findCandidateTexts, type CandidateSearch } from './find-candidate-texts';
import { setSentinelState } from './sentinel-state';

/** What the sentinel found: the way to hand the page to the engine, or to look for less. */
export interface Candidates {
  /**
   * What the engine's first pass reads (the texts found, and what changed since they were read),
   * the shadow roots and the custom elements to watch; the sentinel then stops, and the page's
   * later changes are the engine's.
   */
  takeOver(): PageHandoff;
  /**
   * Looks for `pattern`, narrower than the one searched, from now on: true if a text found holds
   * it (the page is still to take over); otherwise the search goes on with it, over what changed
   * since and what arrives later, and `onFound` may be called again.
   */
  narrow(pattern: RegExp): boolean;
}

/**
 * Calls `onFound` as soon as this document holds text that may be a name: the page as it is, then
 * what arrives later (nodes added, text changed, in the document and in every open shadow root
 * met, and custom elements' shadow roots once the page defines them). Until then it adds nothing
 * to the page: one MutationObserver, and the searches. Stops when `stopped` aborts, or once the
 * page is taken over.
 */
export function watchForCandidates(
  pattern: RegExp,
  onFound: (candidates: Candidates) => void,
  stopped: AbortSignal,
): void {
  // Everything below stops once the engine takes over, not only when the caller stops it: the
  // sentinel must not read or watch the page a second time.
  const watching = new AbortController();
  const { signal } = watching;
  const pending = new Set<Node>();
  const shadowRoots: ShadowRoot[] = [];
  const undefinedElements = new Set<Element>();
  let timer: CancelDelay | undefined;
  let searching = false;
  /** The texts found; then the page's changes wait for the engine. */
  let found: Text[] | undefined;
  const note = (records: MutationRecord[]) => {
    for (const record of records) {
      if (record.type === 'characterData') pending.add(record.target);
      else for (const node of record.addedNodes) pending.add(node);
    }
  };
  const observer = new MutationObserver(
    guarded((records: MutationRecord[]) => {
      note(records);
      later();
    }),
  );
  const onShadowRoot = (root: ShadowRoot) => {
    if (signal.aborted) return;
    shadowRoots.push(root);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  };
  const waitForUpgrade = watchUpgrades((elements) => {
    for (const element of elements) pending.add(element);
    later();
  }, signal);
  const onUndefinedElement = (element: Element) => {
    undefinedElements.add(element);
    waitForUpgrade(element);
  };
  const search: CandidateSearch = { pattern, signal, onShadowRoot, onUndefinedElement };

  const takeOver = (): PageHandoff => {
    note(observer.takeRecords());
    const handoff: PageHandoff = {
      // Each node once: a text found that changed since, or that lies in what was added, is one root.
      roots: highest(new Set([...(found ?? []), ...pending])),
      shadowRoots: shadowRoots.filter((root) => root.host.isConnected),
      undefinedElements: [...undefinedElements].filter(
        (element) => element.isConnected && !element.matches(':defined'),
      ),
    };
    stop();
    return handoff;
  };
  const narrow = (narrower: RegExp): boolean => {
    search.pattern = narrower;
    found = found?.filter((text) => text.isConnected && narrower.test(text.data));
    if (found?.length) return true;
    found = undefined;
    note(observer.takeRecords());
    if (pending.size > 0) later();
    else setSentinelState('quiet');
    return false;
  };
  const run = async (roots: Node[]): Promise<void> => {
    searching = true;
    setSentinelState('reading');
    const texts = await findCandidateTexts(roots, search);
    searching = false;
    if (signal.aborted || texts === undefined) return;
    if (texts.length > 0) {
      found = texts;
      onFound({ takeOver, narrow });
    } else if (pending.size > 0) later();
    else setSentinelState('quiet');
  };
  /** What changed is read once the page has settled a little (until a candidate is found). */
  function later(): void {
    if (timer || searching || found || signal.aborted) return;
    setSentinelState('reading');
    timer = afterDelay(WATCH_DELAY_MS, () => {
      timer = undefined;
      const roots = highest(pending).filter((node) => node.isConnected);
      pending.clear();
      if (roots.length > 0) run(roots).catch(logError);
      else setSentinelState('quiet');
    });
  }
  function stop(): void {
    watching.abort();
    observer.disconnect();
    timer?.();
    timer = undefined;
    pending.clear();
  }
  stopped.addEventListener('abort', stop, { once: true });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  // The page is read from the next task on: the script's evaluation is a task of its own, not the
  // start of the first slice (whose first wrappers of each kind of element cost the most). What
  // changes meanwhile waits, as during any search, for the page is read whole.
  searching = true;
  setSentinelState('reading');
  yieldToPage()
    .then(() => (signal.aborted ? undefined : run([document.body ?? document.documentElement])))
    .catch(logError);
}
