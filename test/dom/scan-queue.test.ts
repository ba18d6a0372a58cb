/**
 * The scan queue (content/scan/scan-queue.ts): a page that changes while it is read is read again
 * in one pass, never in passes that overlap or pile up; a change inside a part already waiting is
 * read with it, once; nothing is read once Backstory stops.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scanQueue } from '../../src/content/scan/scan-queue';

/**
 * The queue sets no timer: every step it could take runs in microtasks, and all of them have run
 * by the next task. Not a sleep: a step that would come later does not exist.
 */
const flushMicrotasks = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A pass the test finishes by hand, recording what each pass was given. */
function controlledPasses() {
  const passes: Node[][] = [];
  const finishers: (() => void)[] = [];
  let running = 0;
  let overlapped = false;
  const pass = async (roots: Node[]): Promise<void> => {
    passes.push(roots);
    if (++running > 1) overlapped = true;
    await new Promise<void>((resolve) => finishers.push(resolve));
    running--;
  };
  /** Ends the pass that is running, and lets the queue take its next step. */
  const finish = async () => {
    finishers.shift()?.();
    await flushMicrotasks();
  };
  return { pass, passes, finish, overlapped: () => overlapped };
}

const element = (id: string) => {
  const div = Object.assign(document.createElement('div'), { id });
  document.body.append(div);
  return div;
};
const ids = (roots: Node[]) => roots.map((root) => (root as Element).id);

afterEach(() => {
  document.body.replaceChildren();
});

describe('scanQueue', () => {
  it('runs one pass at a time, and reads what changed meanwhile together in the next', async () => {
    const { pass, passes, finish, overlapped } = controlledPasses();
    const scan = scanQueue(pass, new AbortController().signal);
    scan([element('a')]);
    scan([element('b')]);
    scan([element('c')]);
    expect(passes.map(ids)).toEqual([['a']]);
    await finish();
    expect(passes.map(ids)).toEqual([['a'], ['b', 'c']]);
    await finish();
    expect(passes).toHaveLength(2);
    expect(overlapped()).toBe(false);
  });

  it('reads a change inside a part already waiting only once, with that part', async () => {
    const { pass, passes, finish } = controlledPasses();
    const scan = scanQueue(pass, new AbortController().signal);
    scan([element('first')]);
    const outer = element('outer');
    const inner = outer.appendChild(document.createElement('p'));
    scan([inner]);
    scan([outer]);
    scan([inner.appendChild(document.createTextNode('TikTok'))]);
    await finish();
    expect(passes.map(ids)).toEqual([['first'], ['outer']]);
  });

  it('runs a pass when asked with nothing to read (after a removal the count is told again)', async () => {
    const { pass, passes, finish } = controlledPasses();
    const scan = scanQueue(pass, new AbortController().signal);
    scan([]);
    expect(passes).toEqual([[]]);
    await finish();
  });

  it('starts no pass once stopped, and none of those that were waiting', async () => {
    const { pass, passes, finish } = controlledPasses();
    const controller = new AbortController();
    const scan = scanQueue(pass, controller.signal);
    scan([element('a')]);
    scan([element('b')]);
    controller.abort();
    await finish();
    scan([element('c')]);
    await flushMicrotasks();
    expect(passes.map(ids)).toEqual([['a']]);
  });

  it('goes on after a pass fails: the failure is logged, the next change is read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const read: string[][] = [];
    const scan = scanQueue(async (roots) => {
      read.push(ids(roots));
      if (read.length === 1) throw new Error('a broken page');
    }, new AbortController().signal);
    scan([element('a')]);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.any(String), new Error('a broken page')));
    scan([element('b')]);
    await vi.waitFor(() => expect(read).toEqual([['a'], ['b']]));
    warn.mockRestore();
  });

  it('reads what was asked for while a pass failed, without waiting for another change', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const read: string[][] = [];
    let fail: (error: Error) => void = () => undefined;
    const scan = scanQueue(async (roots) => {
      read.push(ids(roots));
      if (read.length === 1) await new Promise<void>((_, reject) => (fail = reject));
    }, new AbortController().signal);
    scan([element('a')]);
    await vi.waitFor(() => expect(read).toEqual([['a']]));
    scan([element('b')]);
    fail(new Error('a broken page'));
    await vi.waitFor(() => expect(read).toEqual([['a'], ['b']]));
    warn.mockRestore();
  });
});
