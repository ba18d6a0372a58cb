/**
 * The user's settings: typed from their defaults, validated key by key when read (a corrupted or
 * unknown value falls back to its default without losing the others), and brought up to date by
 * an ordered list of migrations. Pure, so it is tested in Node.
 */
import type { EntityId } from './dataset-types';

export type HighlightStyle = 'background' | 'underline' | 'high-contrast';
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['background', 'underline', 'high-contrast'];

export const DEFAULT_SETTINGS = {
  /** Entities whose highlighting the user changed from the dataset's default, by id. */
  highlight: {} as Readonly<Record<EntityId, boolean>>,
  /** Host names where Backstory does nothing, such as `example.com`. */
  pausedSites: [] as readonly string[],
  highlightStyle: 'background' as HighlightStyle,
  /** How long the pointer rests on a name before its card opens. */
  hoverDelayMs: 180,
  showBadge: true,
};

export type Settings = typeof DEFAULT_SETTINGS;

/** The version the migrations bring stored settings to. */
export const SETTINGS_VERSION = 1;

export const HOVER_DELAY_RANGE = { min: 50, max: 2000 } as const;

type Stored = Record<string, unknown>;

/**
 * Each migration takes stored settings of version `index` to `index + 1`. Version 0 is anything
 * stored before versions existed (none shipped); its only change is the version number.
 */
const MIGRATIONS: readonly ((stored: Stored) => Stored)[] = [(stored) => stored];

/** Reads stored settings: migrated, then validated key by key. Never throws. */
export function readSettings(raw: unknown): Settings {
  const stored = isRecord(raw) ? migrate(raw) : {};
  return {
    highlight: validHighlight(stored.highlight),
    pausedSites: validSites(stored.pausedSites),
    highlightStyle: HIGHLIGHT_STYLES.includes(stored.highlightStyle as HighlightStyle)
      ? (stored.highlightStyle as HighlightStyle)
      : DEFAULT_SETTINGS.highlightStyle,
    hoverDelayMs: validDelay(stored.hoverDelayMs),
    showBadge: typeof stored.showBadge === 'boolean' ? stored.showBadge : DEFAULT_SETTINGS.showBadge,
  };
}

/** What to store: the settings and the version they are at. */
export function toStored(settings: Settings): Stored {
  return { ...settings, version: SETTINGS_VERSION };
}

export function migrate(stored: Stored): Stored {
  const from = typeof stored.version === 'number' && Number.isInteger(stored.version) ? stored.version : 0;
  let current = stored;
  for (let version = Math.max(0, from); version < MIGRATIONS.length; version++) {
    current = MIGRATIONS[version]?.(current) ?? current;
  }
  return { ...current, version: SETTINGS_VERSION };
}

/** Whether an entity is highlighted, given the user's choices and the dataset's default. */
export function isHighlighted(settings: Settings, entity: { id: EntityId; highlightByDefault: boolean }): boolean {
  return settings.highlight[entity.id] ?? entity.highlightByDefault;
}

/** Whether Backstory is paused on a host name (a paused site covers its subdomains). */
export function isPaused(settings: Settings, hostname: string): boolean {
  const host = hostname.toLowerCase();
  return settings.pausedSites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** A host name as a user may type it (`https://www.Example.com/path`) -> `www.example.com`, or undefined. */
export function normalizeSite(input: string): string | undefined {
  const text = input.trim().toLowerCase();
  if (!text) return undefined;
  const host = text.replace(/^[a-z][a-z0-9+.-]*:\/\//u, '').replace(/[/?#:].*$/u, '');
  return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/u.test(host)
    ? host
    : undefined;
}

function validHighlight(value: unknown): Settings['highlight'] {
  if (!isRecord(value)) return DEFAULT_SETTINGS.highlight;
  const entries = Object.entries(value).filter(
    ([id, on]) => /^[a-z][a-z0-9-]*$/u.test(id) && typeof on === 'boolean',
  ) as [EntityId, boolean][];
  return Object.fromEntries(entries);
}

function validSites(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return DEFAULT_SETTINGS.pausedSites;
  const sites = value.flatMap((site) => (typeof site === 'string' ? (normalizeSite(site) ?? []) : []));
  return [...new Set(sites)];
}

function validDelay(value: unknown): number {
  return typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= HOVER_DELAY_RANGE.min &&
    value <= HOVER_DELAY_RANGE.max
    ? Math.round(value)
    : DEFAULT_SETTINGS.hoverDelayMs;
}

function isRecord(value: unknown): value is Stored {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
