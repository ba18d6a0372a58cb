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
  /**
   * Entities the reader said a site's pages are not about ("Not about this company here"), by
   * site: that entity is not highlighted there (nor on its subdomains), the others still are.
   */
  mutedEntities: {} as Readonly<Record<string, readonly EntityId[]>>,
};

export type Settings = typeof DEFAULT_SETTINGS;

/** The version the migrations bring stored settings to. */
export const SETTINGS_VERSION = 1;

/** The hover delays a reader may choose, in milliseconds: the options page shows and enforces this range. */
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
    mutedEntities: validMuted(stored.mutedEntities),
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

/** Whether a site rule (`example.com`) covers a host name: the site itself and its subdomains. */
function covers(site: string, hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === site || host.endsWith(`.${site}`);
}

/** Whether Backstory is paused on a host name (a paused site covers its subdomains). */
export function isPaused(settings: Settings, hostname: string): boolean {
  return settings.pausedSites.some((site) => covers(site, hostname));
}

/**
 * Pauses Backstory on a site as a reader gives it (typed in the options page, or the popup's host
 * name): normalised; nothing changes where a listed site already covers it, and sites it covers
 * leave the list, so the list never holds a site inside another. Undefined when the input is not
 * a site name. The one rule for adding, whichever page adds.
 */
export function pauseSite(settings: Settings, input: string): Settings | undefined {
  const site = normalizeSite(input);
  if (!site) return undefined;
  if (isPaused(settings, site)) return settings;
  return { ...settings, pausedSites: [...settings.pausedSites.filter((other) => !covers(site, other)), site] };
}

/**
 * Resumes Backstory on a host: every paused site that covers it goes (`example.com` paused, resumed
 * from `news.example.com`, resumes both), so the host is never left paused by a wider rule. The one
 * rule for removing, from the popup's switch or the options page's list.
 */
export function resumeSite(settings: Settings, hostname: string): Settings {
  const host = normalizeSite(hostname) ?? hostname.toLowerCase();
  return { ...settings, pausedSites: settings.pausedSites.filter((site) => !covers(site, host)) };
}

/** Whether the reader muted an entity on a host (by a rule for the host or a site above it). */
export function isMuted(settings: Settings, hostname: string, entityId: EntityId): boolean {
  return Object.entries(settings.mutedEntities).some(([site, ids]) => ids.includes(entityId) && covers(site, hostname));
}

/**
 * The entities highlighted on a host: on (by the reader's choice or by default) and not muted
 * there ("Not about this company here"). Whether the site is paused is the caller's to ask.
 */
export function highlightedOn<E extends { id: EntityId; highlightByDefault: boolean }>(
  settings: Settings,
  hostname: string,
  entities: readonly E[],
): E[] {
  return entities.filter((entity) => isHighlighted(settings, entity) && !isMuted(settings, hostname, entity.id));
}

/** The entities muted on a host, by whichever rule, each once. */
export function mutedOn(settings: Settings, hostname: string): EntityId[] {
  const ids = Object.entries(settings.mutedEntities).flatMap(([site, list]) => (covers(site, hostname) ? list : []));
  return [...new Set(ids)];
}

/** "Not about this company here": the entity is no longer highlighted on that site. */
export function muteEntity(settings: Settings, hostname: string, entityId: EntityId): Settings {
  const site = normalizeSite(hostname);
  if (!site || isMuted(settings, site, entityId)) return settings;
  const list = settings.mutedEntities[site] ?? [];
  return { ...settings, mutedEntities: { ...settings.mutedEntities, [site]: [...list, entityId] } };
}

/** Undoes every mute of an entity that covers a host, so it is highlighted there again. */
export function unmuteEntity(settings: Settings, hostname: string, entityId: EntityId): Settings {
  const host = normalizeSite(hostname) ?? hostname.toLowerCase();
  const entries = Object.entries(settings.mutedEntities)
    .map(([site, ids]) => [site, covers(site, host) ? ids.filter((id) => id !== entityId) : ids] as const)
    .filter(([, ids]) => ids.length > 0);
  return { ...settings, mutedEntities: Object.fromEntries(entries) };
}

/**
 * A hover delay as typed: a whole number of milliseconds within {@link HOVER_DELAY_RANGE}, or
 * undefined (the options page then says the range and keeps the delay it had).
 */
export function parseHoverDelay(input: string): number | undefined {
  const text = input.trim();
  if (!/^\d+(\.\d+)?$/u.test(text)) return undefined;
  const value = Math.round(Number(text));
  return value >= HOVER_DELAY_RANGE.min && value <= HOVER_DELAY_RANGE.max ? value : undefined;
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

function validMuted(value: unknown): Settings['mutedEntities'] {
  if (!isRecord(value)) return DEFAULT_SETTINGS.mutedEntities;
  const entries = Object.entries(value).flatMap(([site, ids]) => {
    const host = normalizeSite(site);
    if (!host || !Array.isArray(ids)) return [];
    const valid = ids.filter((id): id is EntityId => typeof id === 'string' && /^[a-z][a-z0-9-]*$/u.test(id));
    return valid.length > 0 ? [[host, [...new Set(valid)]] as const] : [];
  });
  return Object.fromEntries(entries);
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
