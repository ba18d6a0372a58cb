/**
 * Serves the evaluated pages on 127.0.0.1 with the page's own scripts switched off, as saved pages
 * read without their scripts: a `Content-Security-Policy: script-src 'none'` header blocks every
 * script and event handler of the page, while the extension's content script (not subject to a
 * page's policy) runs as usual. A probe page checks both before any result is trusted.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { serveStatic, type StaticServer } from '../../test/support/static-server';

/** A page to evaluate: its key (`corpus/<file>`, `traps/<file>`, also its path on the server) and its file. */
export interface PageRef {
  readonly key: string;
  readonly file: string;
}

/** The policy every evaluated page is served with. */
export const SCRIPTS_OFF = "script-src 'none'; object-src 'none'";

/** Path of the probe page on the server. */
export const PROBE_PATH = '_probe/scripts-off.html';

/**
 * A page whose script and event handler would mark the paragraph if they ran, with one name for
 * Backstory to highlight.
 */
const PROBE_PAGE = `<!doctype html>
<meta charset="utf-8"><title>Scripts off</title>
<p id="probe">A paragraph that names TikTok once.</p>
<script>document.getElementById('probe').dataset.script = 'ran';</script>
<img src="missing.png" alt="" onerror="document.getElementById('probe').dataset.handler = 'ran'">
`;

/**
 * Serves `pages` under their keys (a folder of links to the files, removed by `close`), and the
 * probe page. HTML that is valid UTF-8 is served as UTF-8; other HTML without a charset, so the
 * page's own declaration decides (some saved pages declare a charset their bytes do not use).
 */
export async function servePages(pages: readonly PageRef[]): Promise<StaticServer> {
  const site = await mkdtemp(join(tmpdir(), 'backstory-eval-'));
  try {
    for (const { key, file } of pages) {
      const link = resolve(site, key);
      if (!link.startsWith(site + sep)) throw new Error(`Page key outside the site: ${key}`);
      await mkdir(dirname(link), { recursive: true });
      await symlink(resolve(file), link);
    }
    await mkdir(join(site, dirname(PROBE_PATH)), { recursive: true });
    await writeFile(join(site, PROBE_PATH), PROBE_PAGE);
    const server = await serveStatic(site, {
      headers: () => ({ 'content-security-policy': SCRIPTS_OFF }),
      contentType,
    });
    return {
      origin: server.origin,
      close: () => server.close().finally(() => rm(site, { recursive: true, force: true })),
    };
  } catch (error) {
    await rm(site, { recursive: true, force: true });
    throw error;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function contentType(file: string, body: Buffer): string | undefined {
  if (!/^\.html?$/u.test(extname(file).toLowerCase())) return undefined;
  try {
    utf8.decode(body);
    return 'text/html; charset=utf-8';
  } catch {
    return 'text/html';
  }
}
