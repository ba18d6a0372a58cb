import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isHighlighted,
  HOVER_DELAY_RANGE,
  highlightedOn,
  isMuted,
  isPaused,
  migrate,
  mutedOn,
  muteEntity,
  normalizeSite,
  parseHoverDelay,
  pauseSite,
  resumeSite,
  unmuteEntity,
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
      mutedEntities: {},
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

  it('highlights on a site the entities turned on there and not muted there', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      highlight: { oracle: false, microsoft: true },
      mutedEntities: { 'example.com': ['tiktok'] },
    };
    const entities = [
      { id: 'tiktok', highlightByDefault: true },
      { id: 'oracle', highlightByDefault: true },
      { id: 'bytedance', highlightByDefault: true },
      { id: 'microsoft', highlightByDefault: false },
    ];
    const ids = (hostname: string) => highlightedOn(settings, hostname, entities).map((entity) => entity.id);
    expect(ids('news.example.com')).toEqual(['bytedance', 'microsoft']);
    expect(ids('other.org')).toEqual(['tiktok', 'bytedance', 'microsoft']);
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

describe('pausing and resuming a site: one set of rules for the popup and the options page', () => {
  const none = DEFAULT_SETTINGS;

  it('adds a site as typed or as the popup gives it, normalised and once', () => {
    const once = pauseSite(none, 'https://News.Example.com/path')!;
    expect(once.pausedSites).toEqual(['news.example.com']);
    expect(pauseSite(once, 'news.example.com')).toBe(once);
    expect(pauseSite(none, 'not a site')).toBeUndefined();
  });

  it('keeps no site inside another: a covered site is not added, a wider one replaces those it covers', () => {
    const narrow = pauseSite(none, 'news.example.com')!;
    const wide = pauseSite(narrow, 'example.com')!;
    expect(wide.pausedSites).toEqual(['example.com']);
    expect(pauseSite(wide, 'blog.example.com')).toBe(wide);
  });

  it('resumes a host by removing every rule that pauses it, and no other', () => {
    const settings = { ...none, pausedSites: ['example.com', 'other.org'] };
    expect(resumeSite(settings, 'news.example.com').pausedSites).toEqual(['other.org']);
    expect(resumeSite(settings, 'example.com').pausedSites).toEqual(['other.org']);
    expect(resumeSite(settings, 'unrelated.net')).toEqual(settings);
    expect(isPaused(resumeSite(settings, 'a.news.example.com'), 'a.news.example.com')).toBe(false);
  });

  it('leaves a host paused or resumed whatever the order of pauses and resumes', () => {
    const host = fc.constantFrom('example.com', 'news.example.com', 'a.news.example.com', 'other.org');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), host)), (steps) => {
        let settings: typeof none = none;
        for (const [pause, site] of steps) {
          settings = pause ? pauseSite(settings, site)! : resumeSite(settings, site);
          expect(isPaused(settings, site)).toBe(pause);
        }
      }),
    );
  });
});

describe('muting an entity on a site ("Not about this company here")', () => {
  it('mutes that entity on that site and its subdomains only, and undoes it', () => {
    const muted = muteEntity(DEFAULT_SETTINGS, 'Example.com', 'oracle');
    expect(muted.mutedEntities).toEqual({ 'example.com': ['oracle'] });
    expect(isMuted(muted, 'example.com', 'oracle')).toBe(true);
    expect(isMuted(muted, 'blog.example.com', 'oracle')).toBe(true);
    expect(isMuted(muted, 'example.com', 'tiktok')).toBe(false);
    expect(isMuted(muted, 'other.org', 'oracle')).toBe(false);
    expect(mutedOn(muteEntity(muted, 'example.com', 'tiktok'), 'blog.example.com')).toEqual(['oracle', 'tiktok']);
    expect(muteEntity(muted, 'example.com', 'oracle')).toBe(muted);
    expect(unmuteEntity(muted, 'blog.example.com', 'oracle').mutedEntities).toEqual({});
  });

  it('reads stored mutes key by key, dropping what is not a site or an entity id', () => {
    const settings = readSettings({
      mutedEntities: { 'Example.com': ['oracle', 'oracle', 7, 'Bad Id'], 'not a site': ['tiktok'], 'x.org': 'tiktok' },
    });
    expect(settings.mutedEntities).toEqual({ 'example.com': ['oracle'] });
    expect(readSettings({ mutedEntities: [] }).mutedEntities).toEqual({});
  });
});

describe('the hover delay as typed', () => {
  it('takes whole milliseconds within the range and refuses the rest', () => {
    expect(parseHoverDelay('300')).toBe(300);
    expect(parseHoverDelay(` ${HOVER_DELAY_RANGE.min} `)).toBe(HOVER_DELAY_RANGE.min);
    expect(parseHoverDelay(String(HOVER_DELAY_RANGE.max))).toBe(HOVER_DELAY_RANGE.max);
    for (const bad of ['-50', '0', '49', '2001', '', 'abc', '1e3', 'NaN']) expect(parseHoverDelay(bad)).toBeUndefined();
  });
});
