import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isHighlighted,
  isPaused,
  migrate,
  normalizeSite,
  readSettings,
  SETTINGS_VERSION,
  toStored,
} from '../../src/core/settings';

describe('readSettings', () => {
  it('gives the defaults for nothing stored, or for anything that is not an object', () => {
    for (const raw of [undefined, null, 42, 'text', [], true]) expect(readSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid values', () => {
    const stored = {
      version: 1,
      highlight: { microsoft: true, oracle: false },
      pausedSites: ['example.com', 'news.example.org'],
      highlightStyle: 'underline',
      hoverDelayMs: 400,
      showBadge: false,
    };
    expect(readSettings(stored)).toMatchObject({
      highlight: { microsoft: true, oracle: false },
      pausedSites: ['example.com', 'news.example.org'],
      highlightStyle: 'underline',
      hoverDelayMs: 400,
      showBadge: false,
    });
  });

  it('falls back to the default for each corrupted key alone, keeping the others', () => {
    const settings = readSettings({
      version: 1,
      highlight: 'all',
      pausedSites: ['example.com', 7, '', 'not a host!', 'https://Www.Example.net/page'],
      highlightStyle: 'neon',
      hoverDelayMs: -5,
      showBadge: false,
      unknownKey: { evil: true },
    });
    expect(settings).toEqual({
      highlight: {},
      pausedSites: ['example.com', 'www.example.net'],
      highlightStyle: 'background',
      hoverDelayMs: 180,
      showBadge: false,
    });
    expect(readSettings({ highlight: { tiktok: 'yes', 'Bad Id': true, oracle: false } }).highlight).toEqual({
      oracle: false,
    });
    expect(readSettings({ hoverDelayMs: Number.NaN }).hoverDelayMs).toBe(180);
    expect(readSettings({ hoverDelayMs: 99999 }).hoverDelayMs).toBe(180);
  });

  it('never throws and always gives settings of the right shape, whatever is stored', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const settings = readSettings(raw);
        expect(Object.keys(settings).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
        expect(typeof settings.showBadge).toBe('boolean');
        expect(Array.isArray(settings.pausedSites)).toBe(true);
      }),
    );
  });
});

describe('migrate', () => {
  it('brings unversioned and old settings to the current version, keeping their values', () => {
    expect(migrate({ showBadge: false })).toEqual({ showBadge: false, version: SETTINGS_VERSION });
    expect(migrate({ version: 0, hoverDelayMs: 300 })).toEqual({ hoverDelayMs: 300, version: SETTINGS_VERSION });
    expect(migrate({ version: 'x' as unknown as number })).toEqual({ version: SETTINGS_VERSION });
  });

  it('stores settings with their version, and reads back what it stored', () => {
    const settings = { ...DEFAULT_SETTINGS, pausedSites: ['example.com'], showBadge: false };
    expect(toStored(settings).version).toBe(SETTINGS_VERSION);
    expect(readSettings(toStored(settings))).toEqual(settings);
  });
});

describe('the questions content scripts ask', () => {
  it('highlights an entity as the user chose, else as the dataset says', () => {
    const settings = { ...DEFAULT_SETTINGS, highlight: { oracle: false, microsoft: true } };
    expect(isHighlighted(settings, { id: 'oracle', highlightByDefault: true })).toBe(false);
    expect(isHighlighted(settings, { id: 'microsoft', highlightByDefault: false })).toBe(true);
    expect(isHighlighted(settings, { id: 'tiktok', highlightByDefault: true })).toBe(true);
    expect(isHighlighted(settings, { id: 'walmart', highlightByDefault: false })).toBe(false);
  });

  it('pauses a site and its subdomains, and nothing else', () => {
    const settings = { ...DEFAULT_SETTINGS, pausedSites: ['example.com'] };
    expect(isPaused(settings, 'example.com')).toBe(true);
    expect(isPaused(settings, 'news.Example.com')).toBe(true);
    expect(isPaused(settings, 'notexample.com')).toBe(false);
    expect(isPaused(settings, 'example.com.evil.net')).toBe(false);
  });

  it('reads a site as a user types it', () => {
    expect(normalizeSite(' https://News.Example.com:8080/a?b ')).toBe('news.example.com');
    expect(normalizeSite('localhost')).toBe('localhost');
    expect(normalizeSite('127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeSite('')).toBeUndefined();
    expect(normalizeSite('two words')).toBeUndefined();
  });
});
