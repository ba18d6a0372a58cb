/**
 * Runs the page-date finder over saved real pages, to see what it says on markup nobody wrote for
 * it. Prints one row per page: the publication date found, its source, and the update date.
 *
 *   npm run dates [-- folder]     (default: ../shared/corpus/pages, beside the repository)
 *
 * A saved page has no address of its own, so each is given the one it names for itself (its
 * canonical link or `og:url`), as the browser would have had, or else its file URL.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { findPageDate } from '../src/content/page-date/find-page-date';

const folder = process.argv[2] ?? join(process.cwd(), '../shared/corpus/pages');
const now = new Date();
const window = new Window();
const rows: string[][] = [['file', 'published', 'source', 'modified', 'source', 'url given']];

for (const file of (await readdir(folder)).filter((name) => /\.html?$/u.test(name)).sort()) {
  const path = join(folder, file);
  const doc = new window.DOMParser().parseFromString(await readFile(path, 'utf8'), 'text/html') as unknown as Document;
  const url = ownUrl(doc) ?? pathToFileURL(path).href;
  const { published, modified } = findPageDate(doc, url, now);
  rows.push([
    file,
    published?.date ?? '-',
    published?.source ?? '-',
    modified?.date ?? '-',
    modified?.source ?? '-',
    url.startsWith('file:') ? '(file)' : 'canonical',
  ]);
}
await window.happyDOM.close();

const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
console.log(rows.map((row) => line(row).trimEnd()).join('\n'));

function ownUrl(doc: Document): string | undefined {
  const canonical = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  const og = doc.querySelector('meta[property="og:url" i][content]')?.getAttribute('content');
  return [canonical, og].find((url) => url && /^https?:\/\//iu.test(url)) ?? undefined;
}
