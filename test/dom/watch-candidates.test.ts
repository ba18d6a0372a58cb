/**
 * The sentinel's watch (content.js): it says when it has read a page and found no candidate (the
 * state `npm run bench` reads in its world), wakes once where a name may be, hands the engine
 * what it found and what changed since, and then stops reading and watching the page, shadow
 * roots included, since the engine has taken over. (That
 * it stops waiting for custom elements then is not shown here: happy-dom does not upgrade an
 * element already in the page when its tag is defined.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SENTINEL_STATE } from '../../src/content/sentinel/sentinel-state';
import { watchForCandidates, type Candidates } from '../../src/content/sentinel/watch-candidates';

const PATTERN = /TikTok/u;
const state = () => (globalThis as Record<string, unknown>)[SENTINEL_STATE];
let controller: AbortController;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  controller?.abort();
  vi.useRealTimers();
  document.body.replaceChildren();
  Reflect.deleteProperty(globalThis, SENTINEL_STATE);
});

function watch(pattern = PATTERN): ReturnType<typeof vi.fn> {
  controller = new AbortController();
  const onFound = vi.fn();
  watchForCandidates(pattern, onFound, controller.signal);
  return onFound;
}

describe('watchForCandidates', () => {
  it('is quiet once a page without a name is read, and reads again what is added', async () => {
    document.body.innerHTML = '<p>Nothing to see here.</p><p>Nor here.</p>';
    const onFound = watch();
    await vi.waitFor(() => expect(state()).toBe('quiet'));
    expect(onFound).not.toHaveBeenCalled();

    const added = document.createElement('p');
    added.textContent = 'Still nothing.';
    document.body.append(added);
    await vi.waitFor(() => expect(state()).toBe('reading'));
    await vi.waitFor(() => expect(state()).toBe('quiet'));
    expect(onFound).not.toHaveBeenCalled();
  });

  it('reads the page in a task after the one that started it, so that evaluating the script stays short', async () => {
    document.body.innerHTML = '<p>TikTok</p>';
    const walk = vi.spyOn(document, 'createTreeWalker');
    const onFound = watch();
    for (let tick = 0; tick < 10; tick++) await Promise.resolve();
    expect(walk).not.toHaveBeenCalled();
    expect(state()).toBe('reading');
    await vi.waitFor(() => expect(onFound).toHaveBeenCalledTimes(1));
    expect(walk).toHaveBeenCalled();
  });

  it('wakes once where the page changes before it is read', async () => {
    document.body.innerHTML = '<p>Nothing yet.</p>';
    const onFound = watch();
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'TikTok' }));
    await vi.waitFor(() => expect(onFound).toHaveBeenCalledTimes(1));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(onFound).toHaveBeenCalledTimes(1);
  });

  it('finds a name in a shadow root nested below the page it reads, and one below that', async () => {
    document.body.innerHTML = '<article><p>Nothing here.</p><section><div class="host"></div></section></article>';
    const outer = document.querySelector('.host')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<p>Nor here.</p><span class="inner"></span>';
    const inner = outer.querySelector('.inner')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<p>TikTok</p>';
    const onFound = watch();
    await vi.waitFor(() => expect(onFound).toHaveBeenCalledTimes(1));
    const handoff = (onFound.mock.calls[0]![0] as Candidates).takeOver();
    expect(handoff.roots).toEqual([inner.querySelector('p')!.firstChild]);
    expect(handoff.shadowRoots).toEqual([outer, inner]);
  });

  it('wakes once for a name, and no longer watches the page or its shadow roots once taken over', async () => {
    document.body.innerHTML = '<p>Nothing yet.</p>';
    const onFound = watch();
    await vi.waitFor(() => expect(state()).toBe('quiet'));

    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>TikTok</p>';
    document.body.append(host);
    await vi.waitFor(() => expect(onFound).toHaveBeenCalledTimes(1));
    expect(state()).toBe('reading');
    // The engine gets the text that holds the name, and the shadow root to watch.
    const handoff = (onFound.mock.calls[0]![0] as Candidates).takeOver();
    expect(handoff.roots).toEqual([host.shadowRoot!.querySelector('p')!.firstChild]);
    expect(handoff.shadowRoots).toEqual([host.shadowRoot]);

    // The engine reads what comes next: the sentinel stays asleep.
    host.shadowRoot!.append(Object.assign(document.createElement('p'), { textContent: 'TikTok again' }));
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'TikTok once more' }));
    // Every timer the sentinel could have set runs out: its delay after a change, its slices.
    await vi.runAllTimersAsync();
    expect(onFound).toHaveBeenCalledTimes(1);
    expect(state()).toBe('reading');
  });

  it('reads the whole page, and hands over only the texts that may hold a name', async () => {
    document.body.innerHTML =
      '<p>Nothing here.</p><p>TikTok and <b>Oracle</b>.</p><script>var tiktok = "TikTok";</script><p>More TikTok.</p>';
    const onFound = watch();
    await vi.waitFor(() => expect(onFound).toHaveBeenCalledTimes(1));
    const { roots } = (onFound.mock.calls[0]![0] as Candidates).takeOver();
    // Not the script, which the engine never reads; the pattern here is TikTok's alone.
    expect(roots.map((node) => node.textContent)).toEqual(['TikTok and ', 'More TikTok.']);
  });

  it('hands over what changed between the find and the engine taking over', async () => {
    document.body.innerHTML = '<p>TikTok</p>';
    const onFound = watch();
    await vi.waitFor(() => expect(onFound).toHaveBeenCalledTimes(1));
    const added = Object.assign(document.createElement('p'), { textContent: 'TikTok, added meanwhile' });
    document.body.append(added);
    const edited = document.body.querySelector('p')!.firstChild as Text;
    await vi.runAllTimersAsync();
    // Not read again by the sentinel…
    expect(onFound).toHaveBeenCalledTimes(1);
    // …but handed to the engine, with its records not yet delivered too.
    edited.data = 'TikTok, edited';
    const { roots } = (onFound.mock.calls[0]![0] as Candidates).takeOver();
    expect(roots).toEqual([edited, added]);
  });

  it('stops when it is stopped, and says nothing more', async () => {
    document.body.innerHTML = '<p>Nothing here.</p>';
    const onFound = watch();
    await vi.waitFor(() => expect(state()).toBe('quiet'));
    controller.abort();
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'TikTok' }));
    // Every timer the sentinel could have set runs out: its delay after a change, its slices.
    await vi.runAllTimersAsync();
    expect(onFound).not.toHaveBeenCalled();
    expect(state()).toBe('quiet');
  });

  it('narrowed, keeps only the texts that hold the narrower pattern', async () => {
    document.body.innerHTML = '<p>Microsoft</p><p>TikTok</p>';
    const onFound = watch(/TikTok|Microsoft/u);
    await vi.waitFor(() => expect(onFound).toHaveBeenCalledTimes(1));
    const found = onFound.mock.calls[0]![0] as Candidates;
    expect(found.narrow(PATTERN)).toBe(true);
    expect(found.takeOver().roots).toEqual([document.querySelectorAll('p')[1]!.firstChild]);
  });

  it('narrowed to nothing found, goes on with the narrower pattern over what arrives later', async () => {
    document.body.innerHTML = '<p>Microsoft only.</p>';
    const onFound = watch(/TikTok|Microsoft/u);
    await vi.waitFor(() => expect(onFound).toHaveBeenCalledTimes(1));
    expect((onFound.mock.calls[0]![0] as Candidates).narrow(PATTERN)).toBe(false);
    expect(state()).toBe('quiet');

    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Microsoft again' }));
    await vi.waitFor(() => expect(state()).toBe('reading'));
    await vi.waitFor(() => expect(state()).toBe('quiet'));
    expect(onFound).toHaveBeenCalledTimes(1);

    const named = Object.assign(document.createElement('p'), { textContent: 'TikTok now' });
    document.body.append(named);
    await vi.waitFor(() => expect(onFound).toHaveBeenCalledTimes(2));
    expect((onFound.mock.calls[1]![0] as Candidates).takeOver().roots).toEqual([named.firstChild]);
  });
});
