/**
 * The rules on sources a schema cannot state: no refused domain, links in the shape a reader
 * should click (the original page, without tracking parameters), and confidence that means what it
 * says ("verified" is one primary document or two independent sources, not one story copied
 * twice). Part of the build's dataset check (load-dataset.ts); every failure names the file, the
 * JSON path and the reason.
 */
import type { DealEvent, Source } from '../core/dataset-types';
import { DatasetError } from './dataset-error';
import { refusedDomainOf } from './refused-domains';

/** Query parameters that track a click rather than name a page. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'mc_cid',
  'mc_eid',
  'traffic_source',
  'ref',
  'ref_src',
  'cid',
  'from',
  'td',
  'partner',
  'enter_method',
  'keepthis',
  'tb_iframe',
  'bc',
  'ea_cnt',
  'ea_med',
  'ea_src',
  'outputtype',
  'amp',
]);

/** Notes of a turning point that cites no primary document start with this. */
export const NO_PRIMARY_NOTE = 'No primary document found in stored sources';

/** Checks one source: its domain, its link's shape. */
export function checkSource(file: string, path: string, source: Source): void {
  const refused = refusedDomainOf(source.url);
  if (refused) {
    throw new DatasetError(file, `${path}.url`, `${refused.domain} is a refused domain: ${refused.reason}`);
  }
  const problem = linkProblem(source.url);
  if (problem) throw new DatasetError(file, `${path}.url`, problem);
}

/** Why a link is not one to hand a reader (tracking parameters, an AMP copy, a print view), or undefined if it is. */
export function linkProblem(url: string): string | undefined {
  const parsed = new URL(url);
  const tracking = [...parsed.searchParams.keys()].find(
    (name) => name.toLowerCase().startsWith('utm_') || TRACKING_PARAMS.has(name.toLowerCase()),
  );
  if (tracking !== undefined) return `remove the tracking or display parameter "${tracking}" from the link`;
  if (parsed.hostname.startsWith('amp.') || /(^|\/)amp([-/.]|$)/i.test(parsed.pathname)) {
    return 'an AMP copy: cite the original page';
  }
  if (/(^|\/)print(-article|-view)?(\/|\.html?$|$)/i.test(parsed.pathname) || parsed.searchParams.has('print')) {
    return 'a print view: cite the article page';
  }
  return undefined;
}

/**
 * The story a source tells, for telling copies apart from independent reports: the wire or outlet
 * named before " via " ("Reuters via CNA" is Reuters), else the site.
 */
export function originOf(source: Source): string {
  const via = source.publisher.indexOf(' via ');
  if (via > 0) return source.publisher.slice(0, via).trim().toLowerCase();
  return new URL(source.url).hostname.replace(/^www\./, '').toLowerCase();
}

/** How many independent sources back an event: one per origin, one per page path. */
export function independentSources(sources: readonly Source[]): number {
  const origins = new Set<string>();
  const paths = new Set<string>();
  let count = 0;
  for (const source of sources) {
    const { pathname } = new URL(source.url);
    const origin = originOf(source);
    const samePath = pathname.length > 1 && paths.has(pathname);
    if (!origins.has(origin) && !samePath) count++;
    origins.add(origin);
    paths.add(pathname);
  }
  return count;
}

/** "verified" needs a primary document or two independent sources; a turning point needs a primary one or a note saying none was found. */
export function checkEventSources(file: string, at: string, event: DealEvent): void {
  event.sources.forEach((source, j) => checkSource(file, `${at}.sources[${j}]`, source));
  const primary = event.sources.some((s) => s.kind === 'primary');
  if (event.confidence === 'verified' && !primary && independentSources(event.sources) < 2) {
    const named = event.sources.map((s) => s.publisher).join(', ');
    throw new DatasetError(
      file,
      `${at}.confidence`,
      `"verified" needs one primary document or two independent sources; these tell one story (${named}): make it "single-source" or add an independent source`,
    );
  }
  if (event.importance === 3 && !primary && !event.notes?.startsWith(NO_PRIMARY_NOTE)) {
    throw new DatasetError(
      file,
      `${at}.sources`,
      `a turning point (importance 3) needs a primary source, or notes starting "${NO_PRIMARY_NOTE}"`,
    );
  }
}
