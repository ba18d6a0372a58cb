/**
 * The pages the benchmark loads, gathered in one folder and served on 127.0.0.1 with the pages'
 * own scripts turned off (`Content-Security-Policy: script-src 'none'`), so every run sees the
 * same DOM. Content scripts are not bound by a page's policy. The generated pages that build
 * themselves run their own deterministic script.
 */
import { copyFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { serveStatic, type StaticServer } from '../../test/support/static-server';
import { generatedPages } from './generated-pages';

export interface BenchPage {
  /** The file's name, without its extension. */
  readonly name: string;
  /** Path below the site's root. */
  readonly file: string;
  readonly kind: 'corpus' | 'seed' | 'generated';
  readonly bytes: number;
  /** Served with its own script running (see generated-pages.ts). */
  readonly scripted: boolean;
  /** Measured over this fixed window after load instead of until the first pass is done. */
  readonly windowMs?: number;
}

/** "The large real pages": saved pages of at least this many bytes. */
export const LARGE_PAGE_BYTES = 1_000_000;

/** Generated pages a quick run keeps (it proves the harness works; it measures little). */
const QUICK_GENERATED = ['small-no-name', 'many-mentions'];

export const NO_PAGE_SCRIPTS = "script-src 'none'; object-src 'none'";

export interface SiteOptions {
  /** Folder of saved real pages (../shared/corpus/pages). */
  readonly corpusDir: string;
  /** The seed article (test/fixtures/pages/seed-article.html). */
  readonly seedFile: string;
  /** A short run: the seed page, the small page with no name and the page with the most names. */
  readonly quick: boolean;
}

/** Writes the site into `dir` (the real pages linked, the others written) and lists its pages. */
export async function prepareSite(dir: string, options: SiteOptions): Promise<BenchPage[]> {
  const pages: BenchPage[] = [];
  if (!options.quick) {
    for (const file of (await readdir(options.corpusDir)).sort()) {
      const from = join(options.corpusDir, file);
      const { size } = await stat(from);
      if (!/\.html?$/u.test(file) || size < LARGE_PAGE_BYTES) continue;
      await symlink(from, join(dir, file));
      pages.push({ name: stem(file), file, kind: 'corpus', bytes: size, scripted: false });
    }
  }
  const seed = basename(options.seedFile);
  await copyFile(options.seedFile, join(dir, seed));
  pages.push({
    name: 'seed-article',
    file: seed,
    kind: 'seed',
    bytes: (await stat(options.seedFile)).size,
    scripted: false,
  });
  for (const generated of generatedPages()) {
    if (options.quick && !QUICK_GENERATED.includes(generated.name)) continue;
    const file = `${generated.name}.html`;
    await writeFile(join(dir, file), generated.html);
    pages.push({
      name: generated.name,
      file,
      kind: 'generated',
      bytes: Buffer.byteLength(generated.html),
      scripted: generated.scripted,
      ...(generated.windowMs !== undefined && { windowMs: generated.windowMs }),
    });
  }
  return pages;
}

/** Serves the site, every page but the scripted ones with page scripts off. */
export function serveSite(dir: string, pages: readonly BenchPage[]): Promise<StaticServer> {
  const scripted = new Set(pages.filter((page) => page.scripted).map((page) => `/${page.file}`));
  return serveStatic(dir, {
    headers: (path) => (scripted.has(path) ? {} : { 'content-security-policy': NO_PAGE_SCRIPTS }),
  });
}

const stem = (file: string) => file.replace(/\.[^.]+$/u, '');
