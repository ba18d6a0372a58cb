/**
 * The pages the evaluation reads: the shared corpus of real pages and the trap pages written for
 * what the corpus lacks, each keyed `<set>/<file name>` (the key the labels use).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PageRef } from './serve-pages';

/** The folder of each page set. */
export type PageSets = Readonly<Record<string, string>>;

/** The pages of the chosen sets, in key order. */
export async function listPages(sets: PageSets, chosen: readonly string[] = Object.keys(sets)): Promise<PageRef[]> {
  const pages: PageRef[] = [];
  for (const set of chosen) {
    const dir = sets[set];
    if (dir === undefined) throw new Error(`No page set "${set}" (known: ${Object.keys(sets).join(', ')})`);
    const files = await readdir(dir).catch(() => {
      throw new Error(`The ${set} pages are not there: ${dir}`);
    });
    for (const file of files.filter((name) => /\.html?$/iu.test(name)).sort()) {
      pages.push({ key: `${set}/${file}`, file: join(dir, file) });
    }
  }
  return pages;
}

/** A page named by its key (`corpus/x.html`) or, when that is unambiguous, its file name alone. */
export async function findPage(sets: PageSets, name: string): Promise<PageRef> {
  const pages = await listPages(sets);
  const found = pages.filter((page) => page.key === name || page.key.endsWith(`/${name}`));
  const [page, ...others] = found;
  if (page && others.length === 0) return page;
  throw new Error(
    !page
      ? `No page ${name} in ${Object.values(sets).join(', ')}`
      : `${name} is ambiguous: ${found.map((p) => p.key).join(', ')}`,
  );
}
