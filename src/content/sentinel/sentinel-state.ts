/**
 * Where the sentinel stands, kept on the global object of the content script's own world, which
 * the page cannot read (an isolated world in Chromium, a sandbox in Firefox): `reading` while it
 * reads the page or waits to read what changed, `quiet` once it has read everything and found
 * no candidate (or has nothing to look for), `woken` once the engine took over. On a page with
 * no name the sentinel leaves nothing else behind, so this is how `npm run bench` knows it is
 * done there (scripts/bench/sentinel-done.ts).
 */
export const SENTINEL_STATE = 'backstorySentinel';

export type SentinelState = 'reading' | 'quiet' | 'woken';

export function setSentinelState(state: SentinelState): void {
  (globalThis as Record<string, unknown>)[SENTINEL_STATE] = state;
}
