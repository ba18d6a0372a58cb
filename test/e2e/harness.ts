/**
 * One harness for both browsers: Debian's Chromium and Firefox ESR, headless, driven by
 * puppeteer-core, with the built extension installed the way a user installs it unpacked.
 * No browser is ever downloaded; a missing one is reported with the command that installs it.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { describe } from 'vitest';

export type BrowserName = 'chromium' | 'firefox';

const CANDIDATES: Record<BrowserName, { env: string; paths: string[]; apt: string }> = {
  chromium: { env: 'BACKSTORY_CHROMIUM', paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser'], apt: 'chromium' },
  firefox: { env: 'BACKSTORY_FIREFOX', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'], apt: 'firefox-esr' },
};

/** The browser's executable: `$BACKSTORY_CHROMIUM` / `$BACKSTORY_FIREFOX`, else Debian's. */
export function browserExecutable(name: BrowserName): string | undefined {
  const { env, paths } = CANDIDATES[name];
  const override = process.env[env];
  if (override) return existsSync(override) ? override : undefined;
  return paths.find((path) => existsSync(path));
}

export function missingBrowserMessage(name: BrowserName): string {
  const { env, apt } = CANDIDATES[name];
  return `${name} was not found. Install it with \`sudo apt-get install -y ${apt}\`, or set ${env} to its path.`;
}

const warned = new Set<BrowserName>();

/**
 * Declares a suite once per browser. A browser that is not installed fails the run under CI=true
 * (CI must run every tier); elsewhere its suite is reported as skipped, with how to install it.
 */
export function describeInBrowsers(title: string, suite: (name: BrowserName) => void): void {
  for (const name of ['chromium', 'firefox'] as const) {
    if (browserExecutable(name)) {
      describe(`${name}: ${title}`, () => suite(name));
    } else if (process.env.CI === 'true') {
      throw new Error(missingBrowserMessage(name));
    } else {
      if (!warned.has(name)) console.warn(`Skipping the ${name} e2e tests: ${missingBrowserMessage(name)}`);
      warned.add(name);
      describe.skip(`${name}: ${title} (${missingBrowserMessage(name)})`, () => suite(name));
    }
  }
}

/** Where `npm run build` writes the extension for a browser. */
export const extensionDir = (root: string, name: BrowserName): string =>
  join(root, 'dist', name === 'chromium' ? 'chrome' : 'firefox');

export interface ExtensionBrowser {
  readonly name: BrowserName;
  readonly browser: Browser;
  /** Opens a tab on `url` and waits for it to load. */
  newPage(url: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Default true; the demo turns it off on a machine with a display. */
  readonly headless?: boolean;
}

/** Chromium flags that keep it quiet on a closed network and runnable as root. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

/**
 * Firefox preferences: grant an MV3 extension the hosts of its content scripts at install (as
 * Firefox does for a user who accepts them), and stop every background request to the network.
 */
const FIREFOX_PREFS: Record<string, string | number | boolean> = {
  'extensions.originControls.grantByDefault': true,
  'extensions.webextensions.fileSchemeAccess.requireOptIn': false,
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'datareporting.usage.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'app.update.auto': false,
  'app.update.checkInstallTime': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'browser.region.update.enabled': false,
  'browser.region.network.url': '',
  'geo.provider.network.url': '',
  'identity.fxaccounts.enabled': false,
  'dom.push.connection.enabled': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.topsites.contile.enabled': false,
  'extensions.pocket.enabled': false,
  'browser.translations.enable': false,
  'browser.ml.enable': false,
  'media.gmp-manager.url': '',
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'doh-rollout.disable-heuristics': true,
};

/** Starts a browser with the unpacked extension in `extensionDir` installed. */
export async function launchWithExtension(
  name: BrowserName,
  extensionDir: string,
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const executablePath = browserExecutable(name);
  if (!executablePath) throw new Error(missingBrowserMessage(name));
  await stat(join(extensionDir, 'manifest.json')).catch(() => {
    throw new Error(`No extension in ${extensionDir}: run \`npm run build\` first.`);
  });
  const headless = options.headless ?? true;
  const profile = await mkdtemp(join(tmpdir(), `backstory-${name}-`));
  let browser: Browser;
  try {
    if (name === 'chromium') {
      browser = await puppeteer.launch({
        executablePath,
        headless,
        pipe: true,
        enableExtensions: [extensionDir],
        userDataDir: profile,
        defaultViewport: null,
        args: [...CHROMIUM_ARGS, '--window-size=1280,800'],
        protocolTimeout: 60_000,
      });
    } else {
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath,
        headless,
        userDataDir: profile,
        extraPrefsFirefox: FIREFOX_PREFS,
        defaultViewport: null,
        protocolTimeout: 60_000,
      });
      await browser.installExtension(extensionDir);
    }
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    name,
    browser,
    async newPage(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves the files below `rootDir` on 127.0.0.1, on a free port, uncached. */
export async function serveStatic(rootDir: string): Promise<StaticServer> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(rootDir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(rootDir + sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
        response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
      },
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The test server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
