/**
 * The e2e tier's suites, in both browsers: `describeInBrowsers` declares a suite per browser
 * (skipped, with how to install it, where one is missing), `useExtension` gives a suite the built
 * extension in a fresh browser (test/support/extension-browser, shared with the scripts) and a
 * test site on 127.0.0.1.
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import {
  browserExecutable,
  extensionDir,
  launchWithExtension,
  missingBrowserMessage,
  type BrowserName,
  type ChromiumExtensionBrowser,
  type ExtensionBrowser,
  type LaunchOptions,
} from '../support/extension-browser';
import { serveStatic, type ServeOptions, type StaticServer } from '../support/static-server';

export { closedShadowRoot, readClosedShadowText } from './closed-shadow-root';
export * from '../support/extension-browser';
export { serveStatic, type ServeOptions, type StaticServer };

/** Every browser the e2e tier runs in, in the order suites are declared. */
export const BROWSER_NAMES: readonly BrowserName[] = ['chromium', 'firefox'];

const warned = new Set<BrowserName>();

/** One row per browser: whether its suites run here, and the suite title that says why not. */
export interface BrowserSlot {
  readonly name: BrowserName;
  /** True when the browser is not installed (and we are not on CI, where that throws instead). */
  readonly skip: boolean;
  /** `name`, plus the install hint when skipped, so the omission is visible in the test report. */
  readonly label: string;
}

/**
 * Every browser, with whether to run it. A missing browser throws under `CI=true` (CI must run
 * every tier; a silent skip would hide a broken image); elsewhere it is warned about once on the
 * console and marked `skip`, so its suites show up as skipped rather than vanishing.
 */
export function e2eBrowserSlots(): BrowserSlot[] {
  return BROWSER_NAMES.map((name) => {
    if (browserExecutable(name)) return { name, skip: false, label: name };
    if (process.env.CI === 'true') throw new Error(missingBrowserMessage(name));
    if (!warned.has(name)) console.warn(`Skipping the ${name} e2e tests: ${missingBrowserMessage(name)}`);
    warned.add(name);
    return { name, skip: true, label: `${name} (skipped: ${missingBrowserMessage(name)})` };
  });
}

/** The browsers to run the e2e tests in (see `e2eBrowserSlots` for what happens to a missing one). */
export function e2eBrowsers(): BrowserName[] {
  return e2eBrowserSlots()
    .filter((slot) => !slot.skip)
    .map((slot) => slot.name);
}

/**
 * Declares a suite once per browser, titled `<browser>: <title>`. A missing browser fails the run
 * under CI=true; elsewhere its suite is reported as skipped, with how to install it.
 */
export function describeInBrowsers(title: string, suite: (name: BrowserName) => void): void {
  for (const { name, skip, label } of e2eBrowserSlots()) {
    describe.skipIf(skip)(`${label}: ${title}`, () => suite(name));
  }
}

const repoRoot = resolve(import.meta.dirname, '../..');

/** What a suite of e2e tests works with: the browser with the built extension, and the test site. */
export interface ExtensionSuite<B extends ExtensionBrowser> {
  readonly browser: B;
  /** `http://127.0.0.1:<port>` of the test site. */
  readonly origin: string;
}

/**
 * For a describe block: the built extension in a fresh `name`, and a server for `site` (default
 * test/fixtures/pages; or a function making a folder), started before its tests, closed after.
 * `serve` adds response headers (a page's Content-Security-Policy, say).
 */
export function useExtension(
  name: 'chromium',
  site?: string | (() => Promise<string>),
  serve?: ServeOptions,
  launch?: LaunchOptions,
): ExtensionSuite<ChromiumExtensionBrowser>;
export function useExtension(
  name: BrowserName,
  site?: string | (() => Promise<string>),
  serve?: ServeOptions,
  launch?: LaunchOptions,
): ExtensionSuite<ExtensionBrowser>;
export function useExtension(
  name: BrowserName,
  site: string | (() => Promise<string>) = join(repoRoot, 'test/fixtures/pages'),
  serve: ServeOptions = {},
  launch: LaunchOptions = {},
): ExtensionSuite<ExtensionBrowser> {
  const suite = {} as { browser: ExtensionBrowser; origin: string };
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveStatic(typeof site === 'string' ? site : await site(), serve);
    suite.origin = server.origin;
    suite.browser = await launchWithExtension(name, extensionDir(repoRoot, name), launch);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await server?.close();
  });
  return suite;
}
