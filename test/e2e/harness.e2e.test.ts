/**
 * The harness itself, with a throwaway MV3 extension written to a temporary folder: it must load in
 * each browser, run its content script where Backstory's runs (http, text/plain, file://), and let
 * tests see what Backstory's tests need to see (highlights, hover, the closed-shadow card, pixels).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closedShadowRoot,
  describeInBrowsers,
  launchWithExtension,
  readClosedShadowText,
  serveStatic,
  type BrowserName,
  type ExtensionBrowser,
  type StaticServer,
} from './harness';

/** The content script: records what it saw as User Timing marks, which test code reads from the page. */
const PROBE_JS = `
performance.mark('probe-ran');
const mention = document.getElementById('mention');
if (mention && mention.firstChild) {
  const range = new Range();
  range.setStart(mention.firstChild, 6);
  range.setEnd(mention.firstChild, 12);
  CSS.highlights.set('probe', new Highlight(range));
}
document.addEventListener('mousemove', () => performance.mark('probe-mousemove'));
document.addEventListener('pointermove', (event) => {
  const caret = document.caretPositionFromPoint(event.clientX, event.clientY);
  performance.mark('probe-pointermove|' + (caret ? caret.offsetNode.nodeName + '|' + caret.offset : 'none'));
});
if (mention) {
  const host = document.createElement('probe-card');
  host.style.cssText = 'position: fixed; left: 20px; top: 120px;';
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = '.card { background: rgb(0, 0, 255); color: #fff; padding: 20px; width: 300px; font: 20px sans-serif }';
  const card = document.createElement('div');
  card.className = 'card';
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', 'Test card');
  const link = document.createElement('a');
  link.href = 'https://example.com/';
  link.textContent = 'link';
  card.append('Probe card says hello ', link);
  root.append(style, card);
  document.documentElement.append(host);
}
`;

const PROBE_CSS = '::highlight(probe) { background-color: rgb(255, 0, 0); color: #fff; }';

async function writeProbeExtension(dir: string, name: BrowserName): Promise<void> {
  const manifest = {
    manifest_version: 3,
    name: 'Backstory harness probe',
    version: '1.0.0',
    permissions: ['storage'],
    action: { default_popup: 'popup.html' },
    background: name === 'chromium' ? { service_worker: 'background.js' } : { scripts: ['background.js'] },
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*', 'file:///*'],
        js: ['probe.js'],
        css: ['probe.css'],
        run_at: 'document_idle',
      },
    ],
    ...(name === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'harness-probe@backstory.test', data_collection_permissions: { required: ['none'] } },
      },
    }),
  };
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(join(dir, 'probe.js'), PROBE_JS);
  await writeFile(join(dir, 'probe.css'), PROBE_CSS);
  await writeFile(join(dir, 'background.js'), 'globalThis.probeBackground = true;\n');
  await writeFile(join(dir, 'popup.html'), '<!doctype html><meta charset="utf-8"><h1>Probe popup</h1>\n');
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>probe</title>
<body style="margin: 0"><p id="mention" style="margin: 0; font: 32px/40px monospace">Hello TikTok world</p></body>`;

async function writeSite(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), PAGE);
  await writeFile(join(dir, 'plain.txt'), 'A text/plain page about TikTok.\n');
}

const ranProbe = (page: Page) =>
  page
    .waitForFunction(() => performance.getEntriesByName('probe-ran').length > 0, { timeout: 10_000 })
    .then(() => true);

let work: string;
let site: string;
let server: StaticServer;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'backstory-harness-test-'));
  site = join(work, 'site');
  await writeSite(site);
  server = await serveStatic(site);
});

afterAll(async () => {
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('serveStatic', () => {
  it('serves files with their content type, uncached, and nothing outside its folder', async () => {
    const html = await fetch(`${server.origin}/`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('cache-control')).toBe('no-store');
    expect(await html.text()).toContain('Hello TikTok world');
    const text = await fetch(`${server.origin}/plain.txt`);
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect((await fetch(`${server.origin}/missing.js`)).status).toBe(404);
    expect((await fetch(`${server.origin}/..%2f..%2f..%2fetc%2fpasswd`)).status).toBe(403);
  });
});

describeInBrowsers('the harness', (name) => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    const extension = join(work, `extension-${name}`);
    await writeProbeExtension(extension, name);
    const started = performance.now();
    browser = await launchWithExtension(name, extension);
    console.log(`[harness] ${name}: launched with the extension in ${Math.round(performance.now() - started)} ms`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs the content script on a page served by serveStatic', async () => {
    const page = await browser.newPage(`${server.origin}/`);
    expect(await ranProbe(page)).toBe(true);
    await page.close();
  });

  it('runs the content script on a text/plain page and on a file:// page', async () => {
    const plain = await browser.newPage(`${server.origin}/plain.txt`);
    expect(await plain.evaluate(() => document.contentType)).toBe('text/plain');
    expect(await ranProbe(plain)).toBe(true);
    await plain.close();
    const file = await browser.newPage(pathToFileURL(join(site, 'index.html')).href);
    expect(await ranProbe(file)).toBe(true);
    await file.close();
  });

  it("shows the content script's CSS.highlights to test code", async () => {
    const page = await browser.newPage(`${server.origin}/`);
    await ranProbe(page);
    const ranges = await page.evaluate(() => {
      const highlight = CSS.highlights.get('probe');
      return highlight ? [...(highlight as unknown as Iterable<Range>)].map((range) => range.toString()) : null;
    });
    expect(ranges).toEqual(['TikTok']);
    await page.close();
  });

  it('delivers page.mouse moves to content-script listeners, where caretPositionFromPoint works', async () => {
    const page = await browser.newPage(`${server.origin}/`);
    await ranProbe(page);
    // Monospace 32px: characters are about 19px wide; x = 125 is inside "TikTok" (offsets 6-11).
    await page.mouse.move(5, 300);
    await page.mouse.move(125, 20, { steps: 2 });
    await page.waitForFunction(() => performance.getEntriesByName('probe-mousemove').length > 0, { timeout: 5_000 });
    const last = await page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .map((mark) => mark.name)
        .filter((mark) => mark.startsWith('probe-pointermove|'))
        .at(-1),
    );
    const [, nodeName, offset] = (last ?? '').split('|');
    expect(nodeName).toBe('#text');
    expect(Number(offset)).toBeGreaterThanOrEqual(6);
    expect(Number(offset)).toBeLessThanOrEqual(7);
    await page.close();
  });

  it('reads the text inside a closed shadow root made by the content script, leaving the page as it was', async () => {
    const page = await browser.newPage(`${server.origin}/`);
    await ranProbe(page);
    expect(await page.$eval('probe-card', (host) => host.shadowRoot)).toBeNull();
    expect(await readClosedShadowText(page, 'probe-card', { text: 'Probe card' })).toBe('Probe card says hello link');
    const root = await closedShadowRoot(page, 'probe-card', { text: 'says hello' });
    const dialog = await root.$eval('[role="dialog"]', (card) => ({
      label: card.getAttribute('aria-label'),
      href: card.querySelector('a')?.href,
    }));
    await root.dispose();
    expect(dialog).toEqual({ label: 'Test card', href: 'https://example.com/' });
    expect(await page.evaluate(() => [getSelection()?.rangeCount, scrollX, scrollY])).toEqual([0, 0, 0]);
    if (name === 'firefox') {
      await expect(readClosedShadowText(page, 'probe-card')).rejects.toThrow(/options\.text/);
    }
    await expect(readClosedShadowText(page, 'probe-card', { text: 'not in the card' })).rejects.toThrow(
      /is not rendered inside/,
    );
    await page.close();
  });

  it('captures the closed-shadow card and the ::highlight paint in screenshots', async () => {
    const page = await browser.newPage(`${server.origin}/`);
    await page.setViewport({ width: 800, height: 600 });
    await ranProbe(page);
    const card = { x: 20, y: 120, width: 340, height: 60 };
    const withCard = await page.screenshot({ clip: card });
    await page.$eval('probe-card', (host) => ((host as HTMLElement).style.visibility = 'hidden'));
    const withoutCard = await page.screenshot({ clip: card });
    expect(Buffer.compare(withCard, withoutCard)).not.toBe(0);
    const mention = { x: 110, y: 0, width: 120, height: 40 };
    const highlighted = await page.screenshot({ clip: mention });
    await page.evaluate(() => CSS.highlights.delete('probe'));
    const plain = await page.screenshot({ clip: mention });
    expect(Buffer.compare(highlighted, plain)).not.toBe(0);
    await page.close();
  });

  it('keeps the browser off the network: a request to another host fails at once', async () => {
    const page = await browser.newPage(`${server.origin}/`);
    const started = Date.now();
    const outcome = await page.evaluate(() =>
      fetch('http://example.com/').then(
        () => 'answered',
        () => 'failed',
      ),
    );
    expect(outcome).toBe('failed');
    expect(Date.now() - started).toBeLessThan(10_000);
    await page.close();
  });

  // Chromium only: Firefox refuses to open extension pages over WebDriver BiDi.
  if (name === 'chromium')
    it("evaluates in the extension's service worker and opens the real popup", async () => {
      if (browser.name !== 'chromium') throw new Error('Chromium only');
      const worker = await browser.serviceWorker();
      const id = await worker.evaluate(
        () => (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id,
      );
      expect(id).toBe(browser.extensionId);
      await browser.newPage(`${server.origin}/`);
      const popup = await browser.openPopup();
      expect(popup.url()).toBe(`chrome-extension://${browser.extensionId}/popup.html`);
      expect(await popup.$eval('h1', (h1) => h1.textContent)).toBe('Probe popup');
    });

  it('applies colorScheme and viewport to every page', async () => {
    const extension = join(work, `extension-${name}`);
    const dark = await launchWithExtension(name, extension, {
      colorScheme: 'dark',
      viewport: { width: 800, height: 600 },
    });
    try {
      const page = await dark.newPage(`${server.origin}/`);
      expect(await ranProbe(page)).toBe(true);
      expect(
        await page.evaluate(() => [matchMedia('(prefers-color-scheme: dark)').matches, innerWidth, innerHeight]),
      ).toEqual([true, 800, 600]);
      if (dark.name === 'chromium') {
        const popup = await dark.openPopup();
        expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      }
    } finally {
      await dark.close();
    }
  });
});
