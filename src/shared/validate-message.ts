/**
 * Run-time checks of the messages a context receives. The types of `messages.ts` hold only for
 * our own senders: a page's renderer that an exploit controls can send anything through its
 * content script's channel. So each direction says who may send it, and each message what its
 * params may be; the params a handler gets are rebuilt from the checked fields, never the object
 * that was sent (extra keys, getters, megabytes of padding stay behind).
 */
import type { Runtime } from './browser';
import { extensionApi } from './extension-api';

/** A message refused, with why: the sender's promise rejects with this text. */
export class MessageError extends Error {
  override readonly name = 'MessageError';
}

/** Who may send a direction's messages: the reason when `sender` may not, else undefined. */
export type SenderRule = (sender: Runtime.MessageSender) => string | undefined;

/** Params checked and rebuilt from what was sent; throws `MessageError` naming the field. */
export type ParamsCheck<P> = (params: unknown) => P;

const isExtensionUrl = (url: string | undefined): boolean =>
  url !== undefined && url.startsWith(extensionApi().runtime?.getURL('') ?? '\u0000');
const isIndex = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * The bundled demo article (demo.html, linked from the first-run page): an extension page in a
 * tab that runs the content script itself, so its messages are a content script's.
 */
const DEMO_PAGE = 'demo.html';
const isDemoPage = (url: string | undefined): boolean =>
  url !== undefined && isExtensionUrl(url) && new URL(url).pathname === `/${DEMO_PAGE}`;

/** A content script of this extension, in a frame of a tab (not an extension page in a tab, but the demo). */
export const fromContentScript: SenderRule = (sender) => {
  if (sender.id === undefined || sender.id !== extensionApi().runtime?.id) return 'not from this extension';
  if (!isIndex(sender.tab?.id) || !isIndex(sender.frameId)) return 'not from a frame of a tab';
  if (isExtensionUrl(sender.url) && !isDemoPage(sender.url)) return 'from an extension page, not a content script';
  return undefined;
};

/** One of this extension's own pages (the popup, the background), never one shown in a tab. */
export const fromExtensionPage: SenderRule = (sender) => {
  if (sender.id === undefined || sender.id !== extensionApi().runtime?.id) return 'not from this extension';
  if (sender.tab !== undefined) return 'from a tab, not from an extension page';
  if (!isExtensionUrl(sender.url)) return 'not from an extension page';
  return undefined;
};

/** The params object itself: a plain object, never null, an array or a primitive. */
export function record(params: unknown): Record<string, unknown> {
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    throw new MessageError('params must be an object');
  return params as Record<string, unknown>;
}

/** An integer in [min, max]. */
export function integer(value: unknown, field: string, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max)
    throw new MessageError(`${field} must be an integer from ${min} to ${max}`);
  return value as number;
}

/**
 * A document's `performance.timeOrigin`, in milliseconds since 1970: never in the future (a
 * forged origin from the future would make every later report of the frame look stale).
 */
export function timeOrigin(value: unknown, field = 'timeOrigin', now = Date.now()): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > now + CLOCK_SLACK_MS)
    throw new MessageError(`${field} must be a time in the past`);
  return value;
}

/** How far a document's clock reading may be ahead of the receiver's (the same machine's clock). */
const CLOCK_SLACK_MS = 2_000;

/** An entity id: lower case letters, digits and hyphens, as the dataset's schema has them. */
export function entityId(value: unknown, field = 'entityId'): string {
  if (typeof value !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(value))
    throw new MessageError(`${field} must be an entity id`);
  return value;
}

/** A calendar date, `YYYY-MM-DD`. */
export function isoDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new MessageError(`${field} must be a date (YYYY-MM-DD)`);
  return value;
}

/** A string of at most `max` characters. */
export function text(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.length > max)
    throw new MessageError(`${field} must be text of at most ${max} characters`);
  return value;
}

/** One of a few allowed strings. */
export function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new MessageError(`${field} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** Params that must be an empty object: `{}` whatever else was sent. */
export const noParams: ParamsCheck<Record<string, never>> = (params) => (record(params), {});
