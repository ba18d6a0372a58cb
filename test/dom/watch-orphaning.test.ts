/**
 * Orphaning (content/watch/watch-orphaning.ts): once the extension is disabled, removed or
 * updated under an open page, Chromium cuts the content script off its API and tells it nothing;
 * Backstory notices at the next pointer move (or the next time it asks) and stops, once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchOrphaning } from '../../src/content/watch/watch-orphaning';
import { installFakeExtension, type FakeExtension } from '../support/fake-extension-api';

let extension: FakeExtension;
let controller: AbortController;

beforeEach(() => {
  extension = installFakeExtension();
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  vi.unstubAllGlobals();
});

const movePointer = () => document.dispatchEvent(new PointerEvent('pointermove', { bubbles: true }));

describe('watchOrphaning', () => {
  it('does nothing while the extension is there', () => {
    const onGone = vi.fn();
    const orphaned = watchOrphaning(onGone, controller.signal);
    movePointer();
    expect(orphaned()).toBe(false);
    expect(onGone).not.toHaveBeenCalled();
  });

  it('stops everything at the first pointer move once the extension is gone, and only once', () => {
    const onGone = vi.fn(() => controller.abort());
    const orphaned = watchOrphaning(onGone, controller.signal);
    extension.disappear();
    movePointer();
    expect(onGone).toHaveBeenCalledTimes(1);
    movePointer();
    expect(orphaned()).toBe(true);
    expect(onGone).toHaveBeenCalledTimes(1);
  });

  it('tells whoever asks that the extension is gone, before any pointer moves', () => {
    const onGone = vi.fn(() => controller.abort());
    const orphaned = watchOrphaning(onGone, controller.signal);
    extension.disappear();
    expect(orphaned()).toBe(true);
    expect(onGone).toHaveBeenCalledTimes(1);
  });
});
