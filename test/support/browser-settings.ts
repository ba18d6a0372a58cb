/**
 * How the test browsers are started: quiet, runnable as root, and kept off the network. The tests
 * must never depend on (or cause) traffic beyond 127.0.0.1.
 */

/** Chromium flags that keep it quiet on a closed network and runnable as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
  // Even with the flags above Chromium 156 looks up accounts.google.com, update.googleapis.com and
  // clients2.google.com (seen with strace). Here no host name resolves but localhost and 127.0.0.1
  // (the rules apply to IP literals too): no DNS query leaves the machine, and a request to any
  // other host fails at once with ERR_NAME_NOT_RESOLVED.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/**
 * Firefox preferences, on top of the ones puppeteer always sets (safebrowsing, updates, telemetry
 * policy, dummy services URLs...).
 */
export const FIREFOX_PREFS: Record<string, string | number | boolean> = {
  // MV3 content_scripts.matches are *optional* host permissions in Firefox. This (default true in
  // Firefox 127+, including ESR 153 here) grants them at install, as to a user who accepts them,
  // temporary add-ons included; with false, no content script runs on http pages. Set explicitly
  // so that a changed default cannot turn every e2e test into a silent no-op.
  'extensions.originControls.grantByDefault': true,
  // Firefox ESR 153 asks for an opt-in before an extension touches file:// pages, even with file:///*
  // granted (WebExtensionPolicy.canAccessURI answers false). false gives the access without it.
  'extensions.webextensions.fileSchemeAccess.requireOptIn': false,
  // Remote Settings ignores a server override on release builds unless non-local connections are
  // disabled (see FIREFOX_ENV); then this dummy server makes it skip all remote activity.
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  // Firefox rounds performance.now() to whole milliseconds by default: the bench's stamps of a
  // content script that runs for less than 1 ms (the floor on a small page) would read 0.
  'privacy.reduceTimerPrecision': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.shutdownPingSender.enabled': false,
  'toolkit.telemetry.newProfilePing.enabled': false,
  'toolkit.telemetry.firstShutdownPing.enabled': false,
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
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
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

/**
 * Firefox's own test switch: its network layer refuses every non-loopback connection (a request
 * fails with NS_ERROR_UNKNOWN_HOST instead of resolving). With the prefs alone, ESR 153 still looked
 * up firefox.settings.services.mozilla.com about twenty times per run (seen with strace); with this
 * it made no DNS query at all.
 */
export const FIREFOX_ENV = { MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' } as const;
