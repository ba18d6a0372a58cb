/**
 * Single-page-app navigations (content/watch/watch-navigation.ts): a new address is a new page,
 * whose card may differ (another date), whichever way the app got there: pushState (seen when the
 * page next changes), back and forward, or the Navigation API. A change of the hash is not.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchNavigation } from '../../src/content/watch/watch-navigation';

let controller: AbortController;
let start: string;

beforeEach(() => {
  controller = new AbortController();
  start = location.href;
});
afterEach(() => {
  controller.abort();
  history.replaceState(null, '', start);
  vi.unstubAllGlobals();
});

describe('watchNavigation', () => {
  it('tells of an address changed by pushState once, when the page next changes', () => {
    const onNavigate = vi.fn();
    const check = watchNavigation(onNavigate, controller.signal);
    check();
    expect(onNavigate).not.toHaveBeenCalled();
    history.pushState(null, '', '/articles/2');
    check();
    check();
    expect(onNavigate).toHaveBeenCalledTimes(1);
  });

  it('does not count a change of the hash alone', () => {
    const onNavigate = vi.fn();
    const check = watchNavigation(onNavigate, controller.signal);
    history.pushState(null, '', '#comments');
    check();
    expect(onNavigate).not.toHaveBeenCalled();
  });

  it('tells of back and forward by itself', () => {
    const onNavigate = vi.fn();
    watchNavigation(onNavigate, controller.signal);
    history.pushState(null, '', '/articles/3');
    dispatchEvent(new PopStateEvent('popstate'));
    expect(onNavigate).toHaveBeenCalledTimes(1);
  });

  it('tells of a navigation the Navigation API reports, where the browser has it', () => {
    const navigation = new EventTarget();
    vi.stubGlobal('navigation', navigation);
    const onNavigate = vi.fn();
    watchNavigation(onNavigate, controller.signal);
    history.pushState(null, '', '/articles/4');
    navigation.dispatchEvent(new Event('navigatesuccess'));
    expect(onNavigate).toHaveBeenCalledTimes(1);
  });

  it('says nothing once stopped', () => {
    const navigation = new EventTarget();
    vi.stubGlobal('navigation', navigation);
    const onNavigate = vi.fn();
    watchNavigation(onNavigate, controller.signal);
    controller.abort();
    history.pushState(null, '', '/articles/5');
    dispatchEvent(new PopStateEvent('popstate'));
    navigation.dispatchEvent(new Event('navigatesuccess'));
    expect(onNavigate).not.toHaveBeenCalled();
  });
});
