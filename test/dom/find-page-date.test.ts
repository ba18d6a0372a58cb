import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPageDate } from '../../src/content/page-date/find-page-date';

const fixtures = join(import.meta.dirname, '../fixtures');
const NOW = new Date('2026-11-24T12:00:00Z');
const URL_WITHOUT_DATE = 'https://news.example/tech/oracle-tiktok';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The dates of a page made of `head` and `body`, at an address with no date in it. */
function datesOf(head: string, body = '', url = URL_WITHOUT_DATE) {
  return findPageDate(parse(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`), url, NOW);
}

const jsonLd = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
const meta = (key: string, content: string, attribute = 'property') =>
  `<meta ${attribute}="${key}" content="${content}">`;

describe('findPageDate: JSON-LD', () => {
  it('reads datePublished and dateModified of an article', () => {
    const head = jsonLd({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      datePublished: '2020-09-14T10:00:00Z',
      dateModified: '2020-09-16T10:00:00Z',
    });
    expect(datesOf(head)).toEqual({
      published: { date: '2020-09-14', source: 'json-ld' },
      modified: { date: '2020-09-16', source: 'json-ld' },
    });
  });

  it.each([
    'Article',
    'BlogPosting',
    'ReportageNewsArticle',
    'WebPage',
    'schema:NewsArticle',
    'https://schema.org/Article',
  ])('reads the type %s', (type) => {
    expect(datesOf(jsonLd({ '@type': type, datePublished: '2020-09-14' })).published?.date).toBe('2020-09-14');
  });

  it('prefers the article of an @graph to its web page, and ignores organisations and videos', () => {
    const head = jsonLd({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', foundingDate: '2001-01-01', datePublished: '2001-01-01' },
        { '@type': 'VideoObject', datePublished: '2019-05-05', uploadDate: '2019-05-05' },
        { '@type': 'WebPage', datePublished: '2020-09-13', dateModified: '2020-09-13' },
        { '@type': ['NewsArticle', 'Article'], datePublished: '2020-09-14', dateModified: '2020-09-20' },
      ],
    });
    expect(datesOf(head)).toEqual({
      published: { date: '2020-09-14', source: 'json-ld' },
      modified: { date: '2020-09-20', source: 'json-ld' },
    });
  });

  it('finds the article nested as the main entity of a page, and in a top-level array', () => {
    const nested = jsonLd({ '@type': 'WebPage', mainEntity: { '@type': 'Article', datePublished: '2020-09-14' } });
    expect(datesOf(nested).published?.date).toBe('2020-09-14');
    const array = jsonLd([{ '@type': 'BreadcrumbList' }, { '@type': 'NewsArticle', datePublished: '2020-09-14' }]);
    expect(datesOf(array).published?.date).toBe('2020-09-14');
  });

  it('prefers the article to the page that holds it, nested or not', () => {
    const pageFirst = jsonLd({
      '@type': 'WebPage',
      datePublished: '2020-09-10',
      mainEntity: { '@type': 'NewsArticle', datePublished: '2020-09-14' },
    });
    expect(datesOf(pageFirst).published?.date).toBe('2020-09-14');
    const articleFirst = jsonLd({
      '@type': 'NewsArticle',
      datePublished: '2020-09-14',
      mainEntityOfPage: { '@type': 'WebPage', datePublished: '2020-09-10' },
    });
    expect(datesOf(articleFirst).published?.date).toBe('2020-09-14');
  });

  it("falls back to the page's dates when no article has any", () => {
    const head = jsonLd({ '@type': 'WebPage', datePublished: '2020-09-10', mainEntity: { '@type': 'Article' } });
    expect(datesOf(head).published).toEqual({ date: '2020-09-10', source: 'json-ld' });
  });

  it('does not take the dates of related stories listed in the data', () => {
    const head = jsonLd({
      '@type': 'CollectionPage',
      hasPart: [{ '@type': 'NewsArticle', datePublished: '2020-09-14' }],
      itemListElement: [{ '@type': 'NewsArticle', datePublished: '2020-09-15' }],
    });
    expect(datesOf(head)).toEqual({});
  });

  it('tolerates malformed blocks: skips broken JSON, unwraps CDATA, reads raw line breaks in strings', () => {
    const broken = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script>';
    const cdata = `<script type="application/ld+json">
      //<![CDATA[
      {"@type": "NewsArticle", "headline": "Oracle
      and TikTok", "datePublished": "2020-09-14"}
      //]]>
    </script>`;
    expect(() => datesOf(broken)).not.toThrow();
    expect(datesOf(broken)).toEqual({});
    expect(datesOf(broken + cdata).published).toEqual({ date: '2020-09-14', source: 'json-ld' });
  });

  it('ignores dates that are not strings or not dates, and takes the next source', () => {
    const head =
      jsonLd({ '@type': 'NewsArticle', datePublished: 20200914, dateModified: { nope: true } }) +
      jsonLd({ '@type': 'NewsArticle', datePublished: 'last Tuesday' }) +
      meta('article:published_time', '2020-09-14');
    expect(datesOf(head)).toEqual({ published: { date: '2020-09-14', source: 'meta' } });
  });
});

describe('findPageDate: meta tags', () => {
  it.each([
    ['article:published_time', 'property'],
    ['og:published_time', 'property'],
    ['parsely-pub-date', 'name'],
    ['sailthru.date', 'name'],
    ['dc.date', 'name'],
    ['DC.date.issued', 'name'],
    ['dcterms.created', 'name'],
    ['date', 'name'],
    ['pubdate', 'name'],
    ['publish-date', 'name'],
    ['pub_date', 'name'],
  ])('reads the publication date from %s', (key, attribute) => {
    expect(datesOf(meta(key, '2020-09-14T10:00:00+02:00', attribute))).toEqual({
      published: { date: '2020-09-14', source: 'meta' },
    });
  });

  it.each(['article:modified_time', 'og:updated_time'])('reads the update date from %s', (key) => {
    const head = meta('article:published_time', '2020-09-14') + meta(key, '2020-09-18T10:00:00Z');
    expect(datesOf(head).modified).toEqual({ date: '2020-09-18', source: 'meta' });
  });

  it('trusts article:published_time over a vaguer name written before it', () => {
    const head = meta('sailthru.date', '2020-09-20', 'name') + meta('article:published_time', '2020-09-14');
    expect(datesOf(head).published?.date).toBe('2020-09-14');
  });

  it('reads itemprop dates on meta and time elements', () => {
    expect(datesOf('<meta itemprop="datePublished" content="2020-09-14">').published?.date).toBe('2020-09-14');
    const body = `<article itemscope itemtype="https://schema.org/NewsArticle">
      <time itemprop="datePublished" datetime="2020-09-14T10:00:00Z">14 Sep</time>
      <time itemprop="dateModified" datetime="2020-09-17">17 Sep</time></article>`;
    expect(datesOf('', body)).toEqual({
      published: { date: '2020-09-14', source: 'meta' },
      modified: { date: '2020-09-17', source: 'meta' },
    });
  });

  it('ignores itemprop dates of comments and of stories nested in the article', () => {
    const body = `<article itemscope itemtype="https://schema.org/Article"><h1>Oracle</h1>
      <div itemprop="comment" itemscope itemtype="https://schema.org/Comment">
        <time itemprop="datePublished" datetime="2020-09-15">15 Sep</time></div>
      <div itemscope itemtype="https://schema.org/NewsArticle">
        <meta itemprop="datePublished" content="2020-09-01"></div></article>`;
    expect(datesOf('', body)).toEqual({});
  });
});

describe('findPageDate: <time> in the article', () => {
  it("reads the article header's time, and a time marked as the update", () => {
    const body = `<main><article><header><h1>Oracle</h1>
      <time datetime="2020-09-14T09:00:00-04:00">14 Sep</time>
      <span class="updated">Updated <time datetime="2020-09-15T12:00:00-04:00">15 Sep</time></span>
    </header><p>Text.</p></article></main>`;
    expect(datesOf('', body)).toEqual({
      published: { date: '2020-09-14', source: 'time' },
      modified: { date: '2020-09-15', source: 'time' },
    });
  });

  it('reads a time marked "published updated" as the publication', () => {
    const body = `<article><header><time class="entry-date published updated" datetime="2020-09-14">x</time></header></article>`;
    expect(datesOf('', body).published?.date).toBe('2020-09-14');
  });

  it("takes the article's first time when it has no header", () => {
    const body = `<article><h1>Oracle</h1><p class="byline">By A. Writer, <time datetime="2020-09-14">14 Sep</time></p>
      <p>On <time datetime="2020-08-31">31 August</time>, ByteDance said no.</p></article>`;
    expect(datesOf('', body).published).toEqual({ date: '2020-09-14', source: 'time' });
  });

  it('never reads times in comments, sidebars, nested articles or the page header', () => {
    const body = `<header><time datetime="2026-11-24">Today</time></header>
      <main><article><h1>Oracle</h1><p>No date here.</p>
        <aside><time datetime="2020-09-02">2 Sep</time></aside>
        <section id="comments"><header><time datetime="2020-09-03">3 Sep</time></header></section>
        <article><header><time datetime="2020-09-04">4 Sep</time></header></article>
        <footer><time datetime="2020-09-05">5 Sep</time></footer>
      </article></main>`;
    expect(datesOf('', body)).toEqual({});
  });

  it('says nothing on a page of several articles, such as a front page', () => {
    const card = (day: string) => `<article><header><time datetime="2020-09-${day}">x</time></header></article>`;
    expect(datesOf('', card('14') + card('15') + card('16'))).toEqual({});
  });

  it('reads the main article when other articles are in a sidebar or outside <main>', () => {
    const body = `<main><article><header><time datetime="2020-09-14">14 Sep</time></header></article></main>
      <div class="more"><article><header><time datetime="2020-09-01">1 Sep</time></header></article></div>
      <aside><article><header><time datetime="2020-09-02">2 Sep</time></header></article></aside>`;
    expect(datesOf('', body).published).toEqual({ date: '2020-09-14', source: 'time' });
  });
});

describe('findPageDate: the URL', () => {
  it('reads a date in the path when the markup has none', () => {
    const url = 'https://www.example.com/2020/09/14/oracle-tiktok/';
    expect(datesOf('', '<p>Text</p>', url)).toEqual({ published: { date: '2020-09-14', source: 'url' } });
  });

  it('reads no date from an id that only looks like one', () => {
    expect(datesOf('', '', 'https://example.com/news/oracle-tiktok-20200914-p5abc.html')).toEqual({});
  });
});

describe('findPageDate: conflicts, time zones, malformed dates', () => {
  const allSources = (withJsonLd: boolean, withMeta: boolean, withTime: boolean) =>
    datesOf(
      (withJsonLd ? jsonLd({ '@type': 'NewsArticle', datePublished: '2020-09-14' }) : '') +
        (withMeta ? meta('article:published_time', '2020-09-13') : ''),
      withTime ? '<article><header><time datetime="2020-09-12">x</time></header></article>' : '',
      'https://example.com/2020/09/11/oracle/',
    ).published;

  it('lets the most trusted source win: JSON-LD, then meta, then <time>, then the URL', () => {
    expect(allSources(true, true, true)).toEqual({ date: '2020-09-14', source: 'json-ld' });
    expect(allSources(false, true, true)).toEqual({ date: '2020-09-13', source: 'meta' });
    expect(allSources(false, false, true)).toEqual({ date: '2020-09-12', source: 'time' });
    expect(allSources(false, false, false)).toEqual({ date: '2020-09-11', source: 'url' });
  });

  it('gives the date where the page was written, not the UTC date', () => {
    expect(datesOf(meta('article:published_time', '2020-09-14T23:30:00-07:00')).published?.date).toBe('2020-09-14');
    expect(datesOf(meta('article:published_time', '2020-09-15T00:30:00+02:00')).published?.date).toBe('2020-09-15');
  });

  it('ignores malformed and implausible dates without throwing, falling back to the next candidate', () => {
    const head =
      jsonLd({ '@type': 'NewsArticle', datePublished: '2020-02-30' }) +
      meta('article:published_time', '1h ago') +
      meta('og:published_time', '1970-01-01T00:00:00Z') +
      meta('date', '2099-01-01', 'name') +
      meta('pubdate', '14 September 2020', 'name');
    expect(datesOf(head)).toEqual({ published: { date: '2020-09-14', source: 'meta' } });
  });

  it('says nothing when every date is malformed', () => {
    const head = jsonLd({ '@type': 'Article', datePublished: 'soon' }) + meta('article:published_time', '');
    const body = '<article><header><time datetime="1h ago">1h ago</time></header></article>';
    expect(datesOf(head, body)).toEqual({});
  });
});

describe('findPageDate: whole pages', () => {
  it('says nothing for a page without dates', () => {
    expect(datesOf('<title>About us</title>', '<h1>About us</h1><p>We make things.</p>')).toEqual({});
  });

  it('says nothing for the seed article, whose markup carries no date', () => {
    const doc = parse(readFileSync(join(fixtures, 'pages/seed-article.html'), 'utf8'));
    expect(findPageDate(doc, 'https://news.example/oracle-tiktok-bytedance-microsoft', NOW)).toEqual({});
  });

  it('reads a blog post with comments and a sidebar, source by source', () => {
    const doc = parse(readFileSync(join(fixtures, 'page-dates/blog-post-with-comments.html'), 'utf8'));
    const url = 'https://blog.example/why-oracle/';
    const expected = (source: string) => ({
      published: { date: '2020-09-14', source },
      modified: { date: '2020-09-21', source },
    });
    expect(findPageDate(doc, url, NOW)).toEqual(expected('json-ld'));
    for (const script of doc.querySelectorAll('script')) script.remove();
    expect(findPageDate(doc, url, NOW)).toEqual(expected('meta'));
    for (const tag of doc.querySelectorAll('meta[property]')) tag.remove();
    expect(findPageDate(doc, url, NOW)).toEqual(expected('time'));
  });
});
