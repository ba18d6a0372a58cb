import { afterDelay, type CancelDelay } from '../after-delay';
import { highest } from '../scan/ancestors';
import { guarded, logError } from '../log-error';
import { WATCH_DELAY_MS } from '../watch/watch-page';
import { watchUpgrades } from '../watch/watch-upgrades';
import { findCandidate, type CandidateSearch } from './find-candidate';
import { setSentinelState } from './sentinel-state';

/**
 * Calls `onFound` once, with the text, as soon as this document holds text that may be a name: the page as it
 * is, then what arrives later (nodes added, text changed, in the document and in every open
 * shadow root met, and custom elements' shadow roots once the page defines them). Until then it
 * adds nothing to the page: one MutationObserver, and the searches. Stops when `stopped` aborts.
 */
export function watchForCandidates(pattern: RegExp, onFound: (text: Text) => void, stopped: AbortSignal): void {
  // Everything below stops once a candidate is found, not only when the caller stops it: the
  // engine takes over then, and the sentinel must not read or watch the page a second time.
  const watching = new AbortController();
  const { signal } = watching;
  const pending = new Set<Node>();
  let timer: CancelDelay | undefined;
  let searching = false;
  const observer = new MutationObserver(
    guarded((records: MutationRecord[]) => {
      for (const record of records) {
        if (record.type === 'characterData') pending.add(record.target);
        else for (const node of record.addedNodes) pending.add(node);
      }
      later();
    }),
  );
  const observe = (root: Node) => {
    if (!signal.aborted) observer.observe(root, { childList: true, subtree: true, characterData: true });
  };
  const onUndefinedElement = watchUpgrades((elements) => {
    for (const element of elements) pending.add(element);
    later();
  }, signal);
  const search: CandidateSearch = { pattern, signal, onShadowRoot: observe, onUndefinedElement };

  const run = async (roots: Node[]): Promise<void> => {
    searching = true;
    setSentinelState('reading');
    const found = await findCandidate(roots, search);
    searching = false;
    if (signal.aborted) return;
    if (found) {
      stop();
      onFound(found);
    } else if (pending.size > 0) later();
    else setSentinelState('quiet');
  };
  /** What changed is read once the page has settled a little. */
  function later(): void {
    if (timer || searching || signal.aborted) return;
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
  observe(document);
  run([document.body ?? document.documentElement]).catch(logError);
}
