/**
 * The built extension in a real browser, for the e2e tests and for the scripts (`npm start`, the
 * bench, the eval): Debian's Chromium and Firefox ESR, headless by default, driven by
 * puppeteer-core, with the extension installed the way a user installs it unpacked. No browser is
 * ever downloaded; a missing one is reported with the command that installs it.
 *
 * Each launch gets a fresh temporary profile, and the browser is kept off the network: nothing may
 * depend on (or cause) traffic beyond 127.0.0.1. Chromium resolves no host name but localhost;
 * Firefox refuses non-local connections and has its background services switched off. A page can
 * still *attempt* a request (and a test can see it with `page.on('request')`): it fails at once
 * instead of leaving the machine.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import puppeteer, {
  type Browser,
  type LaunchOptions as PuppeteerLaunchOptions,
  type Page,
  type WebWorker,
} from 'puppeteer-core';
import { CHROMIUM_ARGS, FIREFOX_ENV, FIREFOX_PREFS } from './browser-settings';

export type BrowserName = 'chromium' | 'firefox';

const CANDIDATES: Record<BrowserName, { env: string; paths: string[]; apt: string }> = {
  chromium: { env: 'BACKSTORY_CHROMIUM', paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser'], apt: 'chromium' },
  firefox: { env: 'BACKSTORY_FIREFOX', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'], apt: 'firefox-esr' },
};

/** Bounds on every wait, generous for a loaded CI machine, so that a stuck browser fails a test instead of hanging it. */
const TIMEOUTS = {
  /** Start of the browser process until its protocol answers. */
  launch: 60_000,
  /** Any single protocol command (install, evaluate, screenshot...). */
  protocol: 60_000,
  /** A page load in `newPage`. */
  navigation: 30_000,
  /** Finding the extension's service worker or popup target. */
  target: 15_000,
  /** A polite `browser.close()` before the process is killed. */
  close: 15_000,
} as const;

/** The browser's executable: `$BACKSTORY_CHROMIUM` / `$BACKSTORY_FIREFOX`, else Debian's. */
export function browserExecutable(name: BrowserName): string | undefined {
  const { env, paths } = CANDIDATES[name];
  const override = process.env[env];
  if (override) return existsSync(override) ? override : undefined;
  return paths.find((path) => existsSync(path));
}

/** Which browser is missing and how to get it (never a download: Debian's package, or a path). */
export function missingBrowserMessage(name: BrowserName): string {
  const { env, apt } = CANDIDATES[name];
  return `${name} was not found. Install it with \`sudo apt-get install -y ${apt}\`, or set ${env} to its path.`;
}

/**
 * Firefox's language pack for `language` (`de`), which Firefox needs to run in that language (and
 * the extension's pages with it): Debian's firefox-esr-l10n-<language> puts it beside the browser.
 */
export function firefoxLanguagePack(language: string): string | undefined {
  const executable = browserExecutable('firefox');
  if (!executable) return undefined;
  const folder = join(dirname(realpathSync(executable)), 'browser/extensions');
  const file = existsSync(folder) ? readdirSync(folder).find((f) => f.startsWith(`langpack-${language}@`)) : undefined;
  return file && join(folder, file);
}

/** Which language pack Firefox lacks, and how to get it. */
export function missingLanguagePackMessage(language: string): string {
  return `Firefox has no ${language} language pack. Install it with \`sudo apt-get install -y firefox-esr-l10n-${language}\`.`;
}

/** Where `npm run build` writes the extension for a browser. */
export const extensionDir = (root: string, name: BrowserName): string =>
  join(root, 'dist', name === 'chromium' ? 'chrome' : 'firefox');

interface ExtensionBrowserBase {
  readonly name: BrowserName;
  readonly browser: Browser;
  /** Chromium: the generated extension id. Firefox: the add-on id (`browser_specific_settings.gecko.id`). */
  readonly extensionId: string;
  /** Opens a tab on `url` and waits for its `load` event. */
  newPage(url: string): Promise<Page>;
  /** Closes the browser (killing it if it does not go), then deletes its temporary profile. Idempotent. */
  close(): Promise<void>;
  /**
   * The first-run page Backstory opened on install, if the launch kept it open
   * (`keepFirstRun`); otherwise it was closed as soon as it opened, so tests start from the page
   * they open.
   */
  readonly firstRun: Page | undefined;
  /**
   * Opens one of the extension's pages (`options.html`, `popup.html?view=timeline`) in a new tab
   * and waits for its load. Chromium navigates there; Firefox refuses navigation to moz-extension://
   * over WebDriver BiDi, so an extension page already open (the first-run page, kept for this)
   * opens it with `tabs.create`, as the extension's pages may.
   */
  openExtensionPage(path: string): Promise<Page>;
}

export interface ChromiumExtensionBrowser extends ExtensionBrowserBase {
  readonly name: 'chromium';
  /**
   * The extension's MV3 service worker, to `evaluate` in (e.g. `chrome.storage`, `chrome.action`).
   * Found again on every call, because Chromium may stop an idle worker and start a new one.
   */
  serviceWorker(): Promise<WebWorker>;
  /**
   * Opens the real toolbar popup (`chrome.action.openPopup()` from the service worker) and returns
   * it as a page. It belongs to the last focused window's active tab.
   */
  openPopup(): Promise<Page>;
}

export interface FirefoxExtensionBrowser extends ExtensionBrowserBase {
  readonly name: 'firefox';
}

/**
 * A browser with the extension installed. Narrow on `name` for the Chromium-only helpers: Firefox
 * exposes neither background pages nor `moz-extension://` navigation over WebDriver BiDi.
 */
export type ExtensionBrowser = ChromiumExtensionBrowser | FirefoxExtensionBrowser;

export interface LaunchOptions {
  /** Default true; the demo turns it off on a machine with a display. */
  readonly headless?: boolean;
  /** Answer of `prefers-color-scheme` in every page, the extension's popup included. Default: the browser's (light). */
  readonly colorScheme?: 'light' | 'dark';
  /** Viewport of every new page. Default: none set, the window's size (1280×800 in Chromium). */
  readonly viewport?: { readonly width: number; readonly height: number };
  /**
   * false turns the pages' own scripts off in the whole browser, as a reader does: in Chromium the
   * site setting "JavaScript: Don't allow sites to use JavaScript" (the profile's default content
   * setting), in Firefox `javascript.enabled` (what NoScript-like add-ons do).
   */
  readonly pageScripts?: false;
  /** Leave the first-run page Backstory opens on install open (as `firstRun`). Default: close it. */
  readonly keepFirstRun?: boolean;
  /**
   * The browser's UI language (`de`): the extension's messages follow it. Firefox needs its
   * language pack for it (see `firefoxLanguagePack`); without one the launch fails saying so.
   */
  readonly language?: string;
}

/** Temporary profiles still on disk, removed on exit if a run dies before `close()`. */
const liveProfiles = new Set<string>();
process.once('exit', () => {
  for (const dir of liveProfiles) rmSync(dir, { recursive: true, force: true });
});

/** Starts a browser, with a fresh profile, with the unpacked extension in `extensionDir` installed. */
export function launchWithExtension(
  name: 'chromium',
  extensionDir: string,
  options?: LaunchOptions,
): Promise<ChromiumExtensionBrowser>;
export function launchWithExtension(
  name: 'firefox',
  extensionDir: string,
  options?: LaunchOptions,
): Promise<FirefoxExtensionBrowser>;
export function launchWithExtension(
  name: BrowserName,
  extensionDir: string,
  options?: LaunchOptions,
): Promise<ExtensionBrowser>;
export async function launchWithExtension(
  name: BrowserName,
  extensionDir: string,
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const executablePath = browserExecutable(name);
  if (!executablePath) throw new Error(missingBrowserMessage(name));
  const dir = resolve(extensionDir);
  const manifest = await readManifest(dir);
  // Backstory opens its first-run page on install; the probe and the bench's contenders open none.
  const opensFirstRun = existsSync(join(dir, 'welcome.html'));
  const profile = await mkdtemp(join(tmpdir(), `backstory-${name}-`));
  liveProfiles.add(profile);
  const common = {
    executablePath,
    headless: options.headless ?? true,
    userDataDir: profile,
    defaultViewport: options.viewport ? { ...options.viewport } : null,
    timeout: TIMEOUTS.launch,
    protocolTimeout: TIMEOUTS.protocol,
    dumpio: process.env.BACKSTORY_E2E_DUMPIO === '1',
  } satisfies PuppeteerLaunchOptions;

  let browser: Browser | undefined;
  const close = once(async () => {
    try {
      if (browser) await closeOrKill(browser);
    } finally {
      await rm(profile, { recursive: true, force: true, maxRetries: 3 });
      liveProfiles.delete(profile);
    }
  });
  try {
    if (name === 'chromium') {
      if (options.pageScripts === false) await blockPageScripts(profile);
      const size = options.viewport ?? { width: 1280, height: 800 };
      const args = [...CHROMIUM_ARGS, `--window-size=${size.width},${size.height}`];
      if (options.colorScheme)
        args.push(`--blink-settings=preferredColorScheme=${options.colorScheme === 'dark' ? 0 : 1}`);
      // `enableExtensions: [dir]` would load it too, but puppeteer 24.43 does not await that load
      // (Promise.all over an array holding an array): installing it ourselves is awaited, and gives the id.
      if (options.language) args.push(`--lang=${options.language}`, `--accept-lang=${options.language}`);
      browser = await puppeteer.launch({
        ...common,
        pipe: true,
        enableExtensions: true,
        args,
        ...(options.language && {
          env: { ...process.env, LANGUAGE: options.language, LANG: `${options.language}.UTF-8` },
        }),
      });
      const extensionId = await browser.installExtension(dir);
      const firstRun = opensFirstRun ? await keepOrClose(await firstRunPage(browser), options) : undefined;
      return chromiumExtensionBrowser(browser, extensionId, manifest, close, firstRun);
    }
    const prefs = { ...FIREFOX_PREFS };
    if (options.pageScripts === false) prefs['javascript.enabled'] = false;
    if (options.colorScheme)
      prefs['layout.css.prefers-color-scheme.content-override'] = options.colorScheme === 'dark' ? 0 : 1;
    if (options.language) {
      // Without its language pack Firefox would silently stay in English.
      if (!firefoxLanguagePack(options.language)) throw new Error(missingLanguagePackMessage(options.language));
      prefs['intl.locale.requested'] = options.language;
      prefs['intl.accept_languages'] = options.language;
    }
    browser = await puppeteer.launch({
      ...common,
      browser: 'firefox',
      extraPrefsFirefox: prefs,
      env: { ...process.env, ...FIREFOX_ENV },
    });
    // WebDriver BiDi webExtension.install: a temporary add-on, as from about:debugging.
    const extensionId = await browser.installExtension(dir);
    const door = opensFirstRun ? await firstRunPage(browser) : undefined;
    const firefox = browser;
    return {
      name: 'firefox',
      browser: firefox,
      extensionId,
      newPage: (url) => openPage(firefox, url),
      close,
      firstRun: options.keepFirstRun ? door : undefined,
      openExtensionPage: (path) => {
        if (!door) throw new Error('This extension opens no first-run page to open its pages from');
        return openFromExtensionPage(firefox, door, path);
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The first-run page Backstory opens on install (its tab, once its document has loaded). Found by
 * asking each tab where it is: Firefox reports a moz-extension:// tab's target as about:blank.
 */
async function firstRunPage(browser: Browser): Promise<Page> {
  // Part of the launch: as long as a browser may take to start on a loaded machine.
  const deadline = Date.now() + TIMEOUTS.launch;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
      if (/^(chrome|moz)-extension:\/\/[^/]+\/welcome\.html$/.test(href)) return page;
    }
    await delay(100);
  }
  throw new Error(`Backstory opened no first-run page within ${TIMEOUTS.launch} ms of its install`);
}

/** Firefox: opens an extension page from one already open, and finds its tab by its address. */
async function openFromExtensionPage(browser: Browser, door: Page, path: string): Promise<Page> {
  const before = new Set(await browser.pages());
  // tabs.create, as the extension's own pages may: window.open without a click is a blocked popup.
  const url = await door.evaluate(async (path) => {
    const url = new URL(path, location.href).href;
    await (
      globalThis as unknown as { browser: { tabs: { create(o: { url: string }): Promise<unknown> } } }
    ).browser.tabs.create({ url });
    return url;
  }, path);
  const deadline = Date.now() + TIMEOUTS.navigation;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if (before.has(page)) continue;
      const href = await page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
      if (href === url) {
        await page.bringToFront();
        return page;
      }
    }
    await delay(100);
  }
  throw new Error(`${path} did not open within ${TIMEOUTS.navigation} ms`);
}

async function keepOrClose(page: Page, options: LaunchOptions): Promise<Page | undefined> {
  if (options.keepFirstRun) return page;
  await page.close();
  return undefined;
}

interface Manifest {
  action?: { default_popup?: string };
}

async function readManifest(dir: string): Promise<Manifest> {
  const file = join(dir, 'manifest.json');
  await stat(file).catch(() => {
    throw new Error(`No extension in ${dir}: run \`npm run build\` first.`);
  });
  return JSON.parse(await readFile(file, 'utf8')) as Manifest;
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUTS.navigation });
    return page;
  } catch (error) {
    await page.close().catch(() => undefined);
    throw error;
  }
}

function chromiumExtensionBrowser(
  browser: Browser,
  extensionId: string,
  manifest: Manifest,
  close: () => Promise<void>,
  firstRun: Page | undefined,
): ChromiumExtensionBrowser {
  const origin = `chrome-extension://${extensionId}/`;
  const serviceWorker = async (): Promise<WebWorker> => {
    const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(origin), {
      timeout: TIMEOUTS.target,
    });
    const worker = await target.worker();
    if (!worker) throw new Error(`The service worker target of ${extensionId} has no worker`);
    return worker;
  };
  return {
    name: 'chromium',
    browser,
    extensionId,
    newPage: (url) => openPage(browser, url),
    openExtensionPage: (path) => openPage(browser, new URL(path, origin).href),
    close,
    firstRun,
    serviceWorker,
    async openPopup() {
      const popup = manifest.action?.default_popup;
      if (!popup) throw new Error('The manifest declares no action.default_popup');
      const url = new URL(popup, origin).href;
      const worker = await serviceWorker();
      const opened = browser.waitForTarget((t) => t.url() === url, { timeout: TIMEOUTS.target });
      // Typed here, in Node, where `chrome` is not a global: the function runs in the worker.
      await worker.evaluate(() =>
        (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup(),
      );
      const page = await (await opened).asPage();
      await page.waitForFunction(() => document.readyState === 'complete', { timeout: TIMEOUTS.navigation });
      return page;
    },
  };
}

/** Closes the browser; if it has not gone within the bound, kills its process and waits for the exit. */
async function closeOrKill(browser: Browser): Promise<void> {
  const child = browser.process();
  const closed = await Promise.race([
    browser.close().then(
      () => true,
      () => false,
    ),
    delay(TIMEOUTS.close).then(() => false),
  ]);
  if (!closed && child && child.exitCode === null && child.signalCode === null) await kill(child);
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGKILL');
    void delay(5_000).then(done);
  });
}

const delay = (ms: number) => new Promise<void>((done) => setTimeout(done, ms).unref());

function once(run: () => Promise<void>): () => Promise<void> {
  let result: Promise<void> | undefined;
  return () => (result ??= run());
}

/** Chromium's site setting "JavaScript: blocked" for every site, written where the browser keeps it. */
async function blockPageScripts(profile: string): Promise<void> {
  const BLOCK = 2;
  await mkdir(join(profile, 'Default'), { recursive: true });
  const preferences = { profile: { default_content_setting_values: { javascript: BLOCK } } };
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify(preferences));
}
