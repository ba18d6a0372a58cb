import { highest } from './ancestors';
import { logError } from '../log-error';

/**
 * Runs scan passes one at a time. What changes while a pass runs waits for the next pass, read
 * together with everything else that changed meanwhile: a page that changes faster than it is
 * read gets fewer, larger passes, never a growing queue of them. Returns the function that asks
 * for `roots` to be read.
 */
export function scanQueue(
  pass: (roots: Node[]) => Promise<void>,
  signal: AbortSignal,
): (roots: Iterable<Node>) => void {
  const pending = new Set<Node>();
  /** A pass is due even with nothing to read: after a removal, the count must be reported again. */
  let due = false;
  let running = false;
  const drain = async (): Promise<void> => {
    running = true;
    try {
      while (due && !signal.aborted) {
        const roots = highest(pending);
        pending.clear();
        due = false;
        await pass(roots);
      }
    } catch (error) {
      logError(error);
    } finally {
      running = false;
      // What was asked for while a pass failed is read all the same.
      if (due && !signal.aborted) void drain();
    }
  };
  return (roots) => {
    if (signal.aborted) return;
    for (const root of roots) pending.add(root);
    due = true;
    if (!running) void drain();
  };
}
