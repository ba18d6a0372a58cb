/**
 * When Backstory is done with a page in Chromium. Where the sentinel finds a candidate, the engine
 * records the `backstory:scan` measure; where it finds none, it leaves nothing in the page, only
 * its state on the global object of its own isolated world (src/content/sentinel/sentinel-state.ts).
 * This reads both from that world over the DevTools protocol: a session on the tab lists the
 * execution contexts as they are created, and the extension's isolated world of the main frame
 * is asked, every `POLL_MS`, until one or the other says the first pass is done.
 */
import type { CDPSession, Page } from 'puppeteer-core';
import { SENTINEL_STATE } from '../../src/content/sentinel/sentinel-state';

const POLL_MS = 100;

interface ContextDescription {
  readonly id: number;
  readonly origin: string;
  readonly auxData?: { readonly type?: string; readonly frameId?: string };
}

export interface SentinelWatch {
  /** Waits until the sentinel is quiet or the engine's `scanMeasure` is recorded; the mentions (0 if quiet). */
  readonly done: (timeoutMs: number) => Promise<number | null>;
  readonly detach: () => Promise<void>;
}

/** Starts listing the tab's execution contexts: call before the navigation. */
export async function watchSentinel(tab: Page, scanMeasure: string): Promise<SentinelWatch> {
  const cdp: CDPSession = await tab.createCDPSession();
  const contexts: ContextDescription[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as ContextDescription));
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
    const index = contexts.findIndex((context) => context.id === executionContextId);
    if (index >= 0) contexts.splice(index, 1);
  });
  cdp.on('Runtime.executionContextsCleared', () => contexts.splice(0));
  await cdp.send('Runtime.enable');

  const extensionWorld = (frameId: string) =>
    contexts.findLast(
      (context) =>
        context.auxData?.type === 'isolated' &&
        context.auxData.frameId === frameId &&
        context.origin.startsWith('chrome-extension://'),
    );
  const expression = `(() => {
    const scan = performance.getEntriesByName(${JSON.stringify(scanMeasure)})[0];
    if (scan) {
      const mentions = scan.detail && scan.detail.mentions;
      return { done: true, mentions: typeof mentions === 'number' ? mentions : null };
    }
    return { done: globalThis[${JSON.stringify(SENTINEL_STATE)}] === 'quiet', mentions: 0 };
  })()`;

  const done = async (timeoutMs: number): Promise<number | null> => {
    const deadline = performance.now() + timeoutMs;
    const { frameTree } = await cdp.send('Page.getFrameTree');
    for (;;) {
      const world = extensionWorld(frameTree.frame.id);
      if (world) {
        const answer = await cdp
          .send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true })
          .catch(() => undefined);
        const value = answer?.result.value as { done: boolean; mentions: number | null } | undefined;
        if (value?.done) return value.mentions;
      }
      if (performance.now() > deadline) {
        throw new Error(
          `Waiting failed: ${timeoutMs} ms passed, and ${world ? 'the sentinel was not quiet nor the scan recorded' : "the extension's world was not created"}`,
        );
      }
      await new Promise((wake) => setTimeout(wake, POLL_MS));
    }
  };
  return { done, detach: () => cdp.detach().catch(() => undefined) };
}
