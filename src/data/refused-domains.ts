/**
 * Domains the build refuses as sources: Wikipedia mirrors, sites that copy other outlets' stories
 * or official texts, and content farms. A reader who clicks a source must land on the outlet that
 * wrote it or on the official text, so each of these fails the build with its reason. A domain
 * covers its subdomains. To cite a fact found on one of these sites, find the original: the
 * outlet's own page, the wire story ("Reuters via <site>" where only a copy was read), or the
 * official address of a primary document (see CONTRIBUTING.md, "How to cite").
 *
 * Found by the dataset audit of 30 November 2026 (shared/research/dataset-audit.md, issue 15), by
 * the second pass over weak domains the same day, and by the third pass over "X via <site>" copies:
 * a domain joins the list only when a page of it was read and shows what the site is. Sites that
 * carry a wire story under licence as a news organisation of their own (a newspaper, a broadcaster:
 * "AP via WFTV") are not on it.
 */
export interface RefusedDomain {
  readonly domain: string;
  readonly reason: string;
}

const WIKIPEDIA_MIRROR =
  'a copy of Wikipedia articles: cite en.wikipedia.org (kind "reference") or the sources it cites';
const STORY_COPIER = "republishes other outlets' stories without their name in the address: cite the original outlet";
const CONTENT_FARM = 'a content farm (unsigned or machine-written summaries of other reporting)';
const OFFICIAL_TEXT_COPY = 'reposts official texts: cite the Federal Register or govinfo.gov address of the same text';

export const REFUSED_DOMAINS: readonly RefusedDomain[] = [
  // Wikipedia mirrors and extracts
  { domain: 'wikimili.com', reason: WIKIPEDIA_MIRROR },
  { domain: 'owiki.org', reason: WIKIPEDIA_MIRROR },
  { domain: 'wikiclassic.com', reason: WIKIPEDIA_MIRROR },
  { domain: 'graphsearch.epfl.ch', reason: `${WIKIPEDIA_MIRROR} (its pages are labelled "Wikipedia extract")` },
  { domain: 'profilpelajar.com', reason: WIKIPEDIA_MIRROR },
  { domain: 'webcatalog.io', reason: `${WIKIPEDIA_MIRROR} (an app directory whose history text is Wikipedia's)` },
  // Copies of official texts
  { domain: 'legistrack.vercel.app', reason: OFFICIAL_TEXT_COPY },
  { domain: 'traitcraft.com', reason: `${OFFICIAL_TEXT_COPY}; also a content farm` },
  { domain: 'bitchainhorizon.com', reason: OFFICIAL_TEXT_COPY },
  { domain: 'americanfocus.online', reason: OFFICIAL_TEXT_COPY },
  // Sites that copy other outlets' stories
  { domain: 'publicitytop.com', reason: `${STORY_COPIER} (The Epoch Times)` },
  { domain: 'highergroundtimes.com', reason: `${STORY_COPIER} (The Washington Times)` },
  { domain: 'z24news.com', reason: `${STORY_COPIER} (Reuters)` },
  { domain: 'bibliolimpo.com', reason: `${STORY_COPIER} (Variety)` },
  { domain: 'studiocgames.com', reason: STORY_COPIER },
  { domain: 'newsophilia.com', reason: STORY_COPIER },
  { domain: 'internetprotocol.co', reason: STORY_COPIER },
  { domain: 'elmundotech.com', reason: STORY_COPIER },
  { domain: 'enmnews.com', reason: STORY_COPIER },
  { domain: 'exbulletin.com', reason: STORY_COPIER },
  { domain: 'empiredig.com', reason: `${STORY_COPIER} (CNBC)` },
  { domain: 'awnewsday.com', reason: `${STORY_COPIER} (The Wall Street Journal)` },
  { domain: 'news15.co', reason: `${STORY_COPIER} (CNBC)` },
  { domain: 'rssing.com', reason: `an RSS mirror of other sites' feeds (Courthouse News): ${STORY_COPIER}` },
  { domain: 'worldofsoftware.org', reason: `${STORY_COPIER} (The Hill)` },
  { domain: 'whistlebuzz.com', reason: `${STORY_COPIER} (CNBC)` },
  { domain: 'newzz.in', reason: `${STORY_COPIER} (Reuters)` },
  { domain: 'thequicksol.com', reason: `${STORY_COPIER} (Reuters)` },
  { domain: 'sourceitright.us', reason: `${STORY_COPIER} (unsigned; the same text runs on other sites)` },
  {
    domain: 'pvnew.com',
    reason: `${STORY_COPIER} (its TikTok item is an unsigned, uncredited copy of another outlet's report)`,
  },
  {
    domain: 'webtirety.com',
    reason: `${STORY_COPIER} (its TikTok "dispatch" is an agency story copied with another paper's "Also read" links)`,
  },
  // Content farms
  { domain: 'digitrendz.blog', reason: CONTENT_FARM },
  { domain: 'xxkuajing.com', reason: CONTENT_FARM },
  { domain: 'dahlauren.com', reason: CONTENT_FARM },
  { domain: 'startupbooted.com', reason: CONTENT_FARM },
  { domain: 'tftc.io', reason: CONTENT_FARM },
  { domain: 'bipartisanreport.com', reason: `${CONTENT_FARM}; partisan aggregation` },
  { domain: 'evrimagaci.org', reason: `${CONTENT_FARM} (its /gpt/ pages are machine-written)` },
  {
    domain: 'libertysons.org',
    reason: `${CONTENT_FARM}; unsigned partisan rewrites credited only to "(LibertySons.org)"`,
  },
  { domain: 'newstenet.com', reason: `${CONTENT_FARM} (unsigned "desk" pieces with quotes no outlet confirms)` },
  {
    domain: 'mycoding.id',
    reason: `${CONTENT_FARM}: machine-reworded copies of other outlets' stories (The Verge's "170 million Americans" becomes "170 cardinal Americans")`,
  },
  {
    domain: 'newsar.codejungle.org',
    reason: `${CONTENT_FARM}: whole AP stories under machine-written "briefings" and scores; cite AP on a news organisation's site`,
  },
  {
    domain: 'tradersunion.com',
    reason: `${CONTENT_FARM}: a broker-rating site whose news items rewrite other outlets' reports (Reuters)`,
  },
  {
    domain: 'analyze.news',
    reason: `${CONTENT_FARM} (machine summaries of other outlets' articles, footnoted [1]–[4])`,
  },
];

/** The refused entry that covers `url`'s host (the domain itself or a subdomain), if any. */
export function refusedDomainOf(url: string): RefusedDomain | undefined {
  const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  return REFUSED_DOMAINS.find(({ domain }) => host === domain || host.endsWith(`.${domain}`));
}
