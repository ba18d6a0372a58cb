/**
 * The content script's on-demand modules arrive however the page lets them: imported where the
 * browser allows it, else injected by the background; once each, and tried again after a failure.
 * The browser is faked at its seams (shared/extension-api.ts).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  /** What an import of each file does: runs it (it offers its module), or fails as Blink refuses it. */
  importing: 'runs' as 'runs' | 'refused',
  /** What the background's injection does. */
  injecting: 'runs' as 'runs' | 'fails',
  imports: [] as string[],
  injections: [] as string[],
}));

const { provideModule } = await import('../../src/content/on-demand/registry');
const run = (file: string) => provideModule(file as 'page-date.js', { file } as never);

vi.mock('../../src/shared/extension-api', () => ({
  importExtensionModule: async (file: string) => {
    fake.imports.push(file);
    if (fake.importing === 'refused') throw new TypeError('Failed to fetch dynamically imported module');
    run(file);
  },
  askBackground: async (type: string, { file }: { file: string }) => {
    expect(type).toBe('injectModule');
    fake.injections.push(file);
    if (fake.injecting === 'fails') throw new Error('Cannot access contents of the page');
    run(file);
  },
}));

const { onDemand } = await import('../../src/content/on-demand/load');

beforeEach(() => {
  fake.importing = 'runs';
  fake.injecting = 'runs';
  fake.imports.length = 0;
  fake.injections.length = 0;
  delete (globalThis as Record<string, unknown>).__backstoryOnDemand;
});

describe('onDemand', () => {
  it('imports a module once, however often it is asked for', async () => {
    const load = onDemand('page-date.js');
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toEqual({ file: 'page-date.js' });
    expect(b).toBe(a);
    await load();
    expect(fake.imports).toEqual(['page-date.js']);
    expect(fake.injections).toEqual([]);
  });

  it('has the background inject it where the page refuses the import (Chromium, scripts blocked)', async () => {
    fake.importing = 'refused';
    await expect(onDemand('card.js')()).resolves.toEqual({ file: 'card.js' });
    expect(fake.imports).toEqual(['card.js']);
    expect(fake.injections).toEqual(['card.js']);
  });

  it('fails with the file named when neither way works, and tries again at the next call', async () => {
    fake.importing = 'refused';
    fake.injecting = 'fails';
    const load = onDemand('card.js');
    await expect(load()).rejects.toThrow('Could not load card.js');
    fake.injecting = 'runs';
    await expect(load()).resolves.toEqual({ file: 'card.js' });
    expect(fake.injections).toEqual(['card.js', 'card.js']);
  });

  it('does not load a module that already ran in this world', async () => {
    run('page-date.js');
    await expect(onDemand('page-date.js')()).resolves.toEqual({ file: 'page-date.js' });
    expect(fake.imports).toEqual([]);
  });
});
