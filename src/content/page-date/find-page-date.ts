/**
 * When the page says it was written, read from its own markup: JSON-LD, meta tags, the article's
 * `<time>`, then the URL. Pure DOM, no browser APIs and no request; a few `querySelectorAll` and
 * ancestor checks, never a walk of the whole tree. Built apart as page-date.js, loaded by the
 * content script when a card or the popup first wants the date (load-page-dates.ts).
 */
import { dateFromUrlPath, pickPageDate, type PageDate, type PageDateCandidate } from '../../core/parse-page-date';

export { pageReferenceDate } from '../../core/parse-page-date';

type Field = PageDateCandidate['field'];

/**
 * The page's publication date and, when it was updated on a later day, its update date, each with
 * the kind of markup it came from. Empty when the markup gives nothing trustworthy: a wrong date
 * on a card is worse than none. Never throws on malformed markup.
 */
export function findPageDate(doc: Document, url: string, now: Date): PageDate {
  const fromUrl = dateFromUrlPath(url);
  return pickPageDate(
    [
      ...jsonLdCandidates(doc),
      ...metaCandidates(doc),
      ...timeCandidates(doc),
      ...(fromUrl === undefined ? [] : [{ field: 'published', source: 'url', text: fromUrl } as const]),
    ],
    now,
  );
}

// JSON-LD

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type ItemKind = 'article' | 'page';

/** `NewsArticle`, `BlogPosting`, `Report`…: the page's own story. */
const ARTICLE_TYPE = /(?:Article|Posting|Report)$/u;
/** `WebPage`, `ItemPage`, `AboutPage`…: the page as a whole. */
const PAGE_TYPE = /Page$/u;
/** Keys that lead from one item to the page's main one; others (`video`, `hasPart`…) lead elsewhere. */
const MAIN_KEYS = ['@graph', 'mainEntity', 'mainEntityOfPage'];
const MAX_DEPTH = 8;

/**
 * Dates of the articles and pages a page describes, articles first: the story's own date before
 * that of the page holding it. Only the links that lead to the page's main item are followed, so
 * related stories, videos and images listed in the data are never read.
 */
function jsonLdCandidates(doc: Document): PageDateCandidate[] {
  const items: { kind: ItemKind; item: JsonObject }[] = [];
  for (const script of doc.querySelectorAll('script[type*="ld+json" i]')) {
    collectItems(parseJsonLd(script.textContent ?? ''), 0, items);
  }
  return [...items.filter((i) => i.kind === 'article'), ...items.filter((i) => i.kind === 'page')].flatMap(
    ({ item }) => [...jsonLdDate(item['datePublished'], 'published'), ...jsonLdDate(item['dateModified'], 'modified')],
  );
}

/** JSON-LD as pages write it: sometimes wrapped in CDATA or a comment, with raw line breaks in strings. */
function parseJsonLd(text: string): Json {
  const unwrapped = text.replace(/^\s*(?:\/\/\s*)?(?:<!\[CDATA\[|<!--)|(?:\/\/\s*)?(?:\]\]>|-->)\s*$/gu, '');
  try {
    return JSON.parse(unwrapped.replace(/\p{Cc}/gu, ' ')) as Json;
  } catch {
    return null;
  }
}

function collectItems(value: Json | undefined, depth: number, items: { kind: ItemKind; item: JsonObject }[]) {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const element of value) collectItems(element, depth + 1, items);
    return;
  }
  const kind = itemKind(value['@type']);
  if (kind !== undefined) items.push({ kind, item: value });
  for (const key of MAIN_KEYS) collectItems(value[key], depth + 1, items);
}

/**
 * Whether a JSON-LD `@type` or a microdata `itemtype` names an article, a page, or neither:
 * `NewsArticle`, `schema:NewsArticle`, `https://schema.org/WebPage`, or a list of them.
 */
function itemKind(type: Json | undefined): ItemKind | undefined {
  const names = (Array.isArray(type) ? type : [type])
    .flatMap((t) => (typeof t === 'string' ? t.split(/\s+/u) : []))
    .map((name) => name.replace(/^.*[/:]/u, ''));
  if (names.some((name) => ARTICLE_TYPE.test(name))) return 'article';
  return names.some((name) => PAGE_TYPE.test(name)) ? 'page' : undefined;
}

function jsonLdDate(value: Json | undefined, field: Field): PageDateCandidate[] {
  const first = Array.isArray(value) ? value[0] : value;
  const text = typeof first === 'object' && first !== null && !Array.isArray(first) ? first['@value'] : first;
  return typeof text === 'string' ? [{ field, source: 'json-ld', text }] : [];
}

// Meta tags and microdata

/** Meta names and properties that date a page, most telling first; matched without case. */
const META_FIELDS: ReadonlyMap<string, Field> = new Map([
  ['article:published_time', 'published'],
  ['article:modified_time', 'modified'],
  ['og:published_time', 'published'],
  ['og:updated_time', 'modified'],
  ['parsely-pub-date', 'published'],
  ['sailthru.date', 'published'],
  ['dc.date.issued', 'published'],
  ['dcterms.issued', 'published'],
  ['dcterms.created', 'published'],
  ['dc.date.created', 'published'],
  ['dc.date', 'published'],
  ['dcterms.date', 'published'],
  ['dcterms.modified', 'modified'],
  ['dc.date.modified', 'modified'],
  ['pubdate', 'published'],
  ['publish-date', 'published'],
  ['publish_date', 'published'],
  ['pub_date', 'published'],
  ['date', 'published'],
]);
const META_RANK = [...META_FIELDS.keys()];
const ITEMPROP_FIELDS: ReadonlyMap<string, Field> = new Map([
  ['datepublished', 'published'],
  ['datemodified', 'modified'],
]);

/** Where a date is about something else: a comment, a related story, the site's footer. */
const ASIDE = [
  'aside',
  'nav',
  'footer',
  '[role="complementary"]',
  '[itemtype*="Comment"]',
  '#comments',
  '.comments',
  '.comment',
  '.comment-list',
  '.commentlist',
  '#sidebar',
  '.sidebar',
  '.related',
].join(', ');

/** Named meta tags in order of how telling the name is, then microdata `itemprop` dates. */
function metaCandidates(doc: Document): PageDateCandidate[] {
  const named: { rank: number; candidate: PageDateCandidate }[] = [];
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name'))?.trim().toLowerCase() ?? '';
    const field = META_FIELDS.get(key);
    const text = meta.getAttribute('content');
    if (field && text) named.push({ rank: META_RANK.indexOf(key), candidate: { field, source: 'meta', text } });
  }
  const microdata: PageDateCandidate[] = [];
  for (const element of doc.querySelectorAll('meta[itemprop], time[itemprop]')) {
    const field = ITEMPROP_FIELDS.get(element.getAttribute('itemprop')?.trim().toLowerCase() ?? '');
    const text =
      element.localName === 'meta'
        ? element.getAttribute('content')
        : (element.getAttribute('datetime') ?? element.textContent);
    if (field && text && aboutThePage(element)) microdata.push({ field, source: 'meta', text });
  }
  return [...named.sort((a, b) => a.rank - b.rank).map((n) => n.candidate), ...microdata];
}

/**
 * Microdata that dates the page itself: outside any item, or in an article or page item that is
 * not inside another article (a related story, a comment) nor in a sidebar.
 */
function aboutThePage(element: Element): boolean {
  if (element.closest(ASIDE)) return false;
  const scope = element.closest('[itemscope]');
  if (!scope) return true;
  const outer = scope.parentElement?.closest('[itemscope]');
  const outerKind = outer ? itemKind(outer.getAttribute('itemtype')) : 'page';
  return itemKind(scope.getAttribute('itemtype')) !== undefined && outerKind === 'page';
}

// <time> in the article

/**
 * `<time datetime>` of the page's one article: in its header, else its first one, never in a
 * comment, a related story or a sidebar. Pages with several articles (front pages) give none.
 */
function timeCandidates(doc: Document): PageDateCandidate[] {
  const article = mainArticle(doc);
  if (!article) return [];
  const own = (selector: string) => [...article.querySelectorAll(selector)].filter((time) => !isAside(time, article));
  // `:scope`, or a <header> around the whole article would match too.
  const header = own(':scope header time[datetime]');
  const times = header.length > 0 ? header : own('time[datetime]').slice(0, 1);
  return times.map((time) => ({ field: timeField(time), source: 'time', text: time.getAttribute('datetime') ?? '' }));
}

/**
 * A header often shows two times, the second marked as the update (`class="updated"`); WordPress
 * marks a never-updated post's one time `published updated`, which is its publication.
 */
function timeField(time: Element): Field {
  const label = `${time.className} ${time.parentElement?.className ?? ''}`;
  return /publish/iu.test(label) || !/updat|modif/iu.test(label) ? 'published' : 'modified';
}

/** The one outermost `<article>` that is not a sidebar's or a comment's, preferring those in `<main>`. */
function mainArticle(doc: Document): Element | undefined {
  const articles = [...doc.querySelectorAll('article')].filter(
    (article) => !article.parentElement?.closest(`article, ${ASIDE}`),
  );
  const inMain = articles.filter((article) => article.closest('main, [role="main"]'));
  const candidates = inMain.length > 0 ? inMain : articles;
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** True when `element` sits in a nested article, a comment or a sidebar inside `article`. */
function isAside(element: Element, article: Element): boolean {
  return element.parentElement?.closest(`article, ${ASIDE}`) !== article;
}
