import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { guarded, logError } from '../../src/content/log-error';

/** The same failure, happening `times` times at one place (so with one stack). */
const repeated = (message: string, times: number): Error[] => Array.from({ length: times }, () => new Error(message));

describe('logError', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    delete (globalThis as Record<string, unknown>)['__backstoryLoggedErrors'];
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => warn.mockRestore());

  it('logs an error that happens again and again once', () => {
    for (const error of repeated('scan pass failed', 5)) logError(error);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[1]).toBeInstanceOf(Error);
  });

  it('logs each distinct error: another message, or the same message thrown elsewhere', () => {
    const [scan, scanAgain] = repeated('scan pass failed', 2);
    const [card, cardAgain] = repeated('card failed', 2);
    for (const error of [scan, card, new Error('scan pass failed'), cardAgain, scanAgain]) logError(error);
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it('logs what is thrown that is not an Error, once per value', () => {
    logError('gone');
    logError('gone');
    logError(undefined);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('remembers across the modules of the world, not per module copy', async () => {
    const [first, second] = repeated('shared', 2);
    logError(first);
    vi.resetModules();
    const again = await import('../../src/content/log-error');
    again.logError(second);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('says nothing of a message that found no one to answer it, Backstory gone from under the page', () => {
    for (const message of [
      'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
      'Extension context invalidated.',
      'Could not establish connection. Receiving end does not exist.',
    ]) {
      logError(new Error(message));
    }
    expect(warn).not.toHaveBeenCalled();
    logError(new Error('the background answered: no such entity'));
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('keeps a guarded listener from throwing into the page', () => {
    const listener = guarded(() => {
      throw new Error('listener failed');
    });
    for (let i = 0; i < 3; i++) expect(() => listener()).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
