#!/usr/bin/env node
/**
 * Builds Backstory into dist/chrome/ and dist/firefox/.
 *
 *   node build.mjs             build both browsers once
 *   node build.mjs --watch     rebuild on every change (with inline source maps)
 *   node build.mjs --data DIR  build with the dataset in DIR instead of src/data (for tests)
 *   node build.mjs --help
 *
 * Shape: the dataset in src/data/ is validated and compiled first (a broken dataset stops the
 * build, naming the file, the JSON path and the reason); then one esbuild entry per context,
 * and the modules the content script loads on demand (card.js, page-date.js); then the
 * manifest, made from the top-level manifest.json plus a small per-browser patch, the pages'
 * HTML (one template) and the static files.
 */
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { importTypeScript } from './scripts/run-ts.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const BROWSERS = ['chrome', 'firefox'];

/** Backstory's own pages: `<name>.html`, `.js` and `.css`, from src/<name>/index.tsx and <name>.css. */
const PAGES = ['popup', 'options', 'welcome', 'report'];

/** One bundle per execution context (classic scripts). */
const ENTRIES = [
  { in: 'src/content/sentinel/index.ts', out: 'content' },
  { in: 'src/content/sentinel/settings-first-entry.ts', out: 'settings-first' },
  { in: 'src/background/index.ts', out: 'background' },
  ...PAGES.flatMap((page) => [
    { in: `src/${page}/index.tsx`, out: page },
    { in: `src/${page}/${page}.css`, out: page },
  ]),
];

/**
 * A page's HTML, the same for each: its style sheet, and its bundle, which sets the page's
 * language and title (src/shared/mount-page.ts) and renders it into `#app`.
 */
const pageHtml = (page) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>Backstory</title>
    <link rel="stylesheet" href="${page}.css" />
  </head>
  <body>
    <div id="app"></div>
    <script src="${page}.js"></script>
  </body>
</html>
`;

/**
 * Modules the content script loads when first needed (src/shared/on-demand-files.ts): each a
 * classic script that leaves what it offers in the content script's world, so that it runs the
 * same imported (a web-accessible resource) or injected by the background.
 */
const { ON_DEMAND_ENTRIES } = await importTypeScript('src/shared/on-demand-files.ts');
const ON_DEMAND_MODULES = Object.entries(ON_DEMAND_ENTRIES).map(([file, entry]) => ({
  in: entry,
  out: file.replace(/\.js$/u, ''),
}));

/** The magic comment that asks V8 to compile every function of a file with the file. */
const COMPILE_ALL_HINT = '//# allFunctionsCalledOnLoad';

/** Files copied as they are: [from, to, which files of a folder]. */
const STATIC_FILES = [
  ['src/_locales', '_locales'],
  // The first-run page's pictures: screenshots of the real extension, taken by the e2e run.
  ['docs/screenshots', 'images', (path) => !/\.png$/u.test(path) || /welcome-[a-z]+\.png$/u.test(path)],
  ['icons', 'icons', (name) => !name.endsWith('.svg')],
];

/** What differs between the browsers' manifests. */
const MANIFEST_PATCHES = {
  chrome: {
    minimum_chrome_version: '128',
    background: { service_worker: 'background.js' },
  },
  firefox: {
    background: { scripts: ['background.js'] },
    browser_specific_settings: {
      gecko: {
        id: 'backstory@backstory-extension',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  },
};

/**
 * The extension's own pages may load nothing from the network, and connect nowhere: "sends
 * nothing" enforced by the browser, not only promised.
 */
const CSP = { extension_pages: "script-src 'self'; object-src 'none'; connect-src 'none'; base-uri 'none'" };

const TARGETS = { chrome: ['chrome128'], firefox: ['firefox140'] };

const { values: args } = parseArgs({
  options: {
    watch: { type: 'boolean', default: false },
    data: { type: 'string', default: 'src/data' },
    outdir: { type: 'string', default: 'dist' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const dataDir = resolve(args.data);
const distDir = resolve(args.outdir);

if (args.help) {
  console.log(`Usage: node build.mjs [--watch] [--data DIR] [--outdir DIR]

Builds the extension into dist/chrome/ and dist/firefox/ (load either unpacked).
  --watch         rebuild on change, with inline source maps
  --data DIR      read the dataset (entities.json, events.json, status.json) from DIR;
                  the schema is always src/data/schema.json (default: src/data)
  --outdir DIR    write the builds to DIR/chrome and DIR/firefox (default: dist)
  --help          this text`);
  process.exit(0);
}

let loader;

/** Validates and compiles src/data/*.json; exits with the file, JSON path and reason if broken. */
async function compileDataset() {
  loader ??= importTypeScript('src/data/load-dataset.ts');
  const { loadDataset, DATASET_FILES, DatasetError } = await loader;
  const texts = {};
  for (const file of Object.keys(DATASET_FILES)) texts[file] = await readFile(join(dataDir, file), 'utf8');
  const schema = JSON.parse(await readFile(join(root, 'src/data/schema.json'), 'utf8'));
  try {
    return loadDataset(texts, schema);
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    const file = relative(process.cwd(), join(dataDir, error.file));
    throw new Error(`Invalid dataset: ${file} at ${error.path}: ${error.reason}`, { cause: error });
  }
}

let sentinelPatterns;
const loadSentinelPatterns = () => (sentinelPatterns ??= importTypeScript('src/core/candidate-pattern.ts'));
let matchingPreparer;
const loadMatchingPreparer = () => (matchingPreparer ??= importTypeScript('src/core/prepare-matching.ts'));

/**
 * Serves the compiled dataset as three virtual modules: `backstory:dataset` (all of it, for the
 * background), `backstory:aliases` (each entity's aliases and rules prepared for matching and
 * judging, for the engine: src/core/prepare-matching.ts) and `backstory:sentinel` (each entity's
 * id, default and candidate pattern, for the sentinel every page runs).
 */
function datasetPlugin() {
  const views = {
    dataset: (dataset) => dataset,
    sentinel: async (dataset) => (await loadSentinelPatterns()).sentinelEntities(dataset.entities),
    aliases: async (dataset) => {
      const { prepareMatching } = await loadMatchingPreparer();
      // MatchingEntity (src/core/dataset-types.ts): nothing of the card, nor the rules' `why`.
      return dataset.entities.map(({ id, aliases, context, related, highlightByDefault }) =>
        prepareMatching({ id, aliases, context, related, highlightByDefault }),
      );
    },
  };
  return {
    name: 'backstory-dataset',
    setup(build) {
      build.onResolve({ filter: /^backstory:(dataset|aliases|sentinel)$/ }, (args) => ({
        path: args.path.slice('backstory:'.length),
        namespace: 'backstory',
      }));
      build.onLoad({ filter: /.*/, namespace: 'backstory' }, async (args) => {
        try {
          const json = JSON.stringify(await views[args.path](await compileDataset()));
          // The engine's data as a string for JSON.parse, which V8 reads faster than an object
          // literal (the real dataset's, in a fresh Node process: 1.8 ms against 2.9 ms).
          if (args.path === 'aliases') {
            return {
              contents: `export default JSON.parse(${JSON.stringify(json)});`,
              loader: 'js',
              watchDirs: [dataDir],
            };
          }
          return { contents: json, loader: 'json', watchDirs: [dataDir] };
        } catch (error) {
          return { errors: [{ text: error.message }], watchDirs: [dataDir] };
        }
      });
    },
  };
}

/**
 * CSS imported from a script is bundled as text, for a shadow root's <style>; CSS entry points
 * (the popup's style sheet, with its @imports) are bundled as CSS.
 */
function cssAsTextPlugin() {
  return {
    name: 'css-as-text',
    setup(build) {
      build.onResolve({ filter: /\.css$/ }, (args) =>
        args.kind === 'import-statement'
          ? { path: resolve(args.resolveDir, args.path), namespace: 'css-text' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'css-text' }, async (args) => ({
        contents: await readFile(args.path, 'utf8'),
        loader: 'text',
        watchFiles: [args.path],
      }));
    },
  };
}

/**
 * Preact's only HTML-string path is `dangerouslySetInnerHTML`, which Backstory never uses. This
 * plugin turns it into a text assignment, so no HTML string can reach the page through us (and
 * store linters find no `innerHTML` sink). It fails the build if Preact's code changes shape.
 */
function preactWithoutInnerHtmlPlugin() {
  const sink = /(\w+)\.innerHTML=(\w+)\.__html/g;
  return {
    name: 'preact-without-inner-html',
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.module\.js$/ }, async (args) => {
        const code = await readFile(args.path, 'utf8');
        if (!sink.test(code))
          return { errors: [{ text: `No innerHTML sink found in ${args.path}: review this plugin` }] };
        return { contents: code.replace(sink, '$1.textContent=$2.__html'), loader: 'js' };
      });
    },
  };
}

/** Writes the browser's manifest and static files once the bundles are written. */
function staticFilesPlugin(browser, outdir) {
  return {
    name: 'backstory-static',
    setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length > 0) return;
        const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
        const base = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8'));
        const manifest = {
          ...base,
          version: pkg.version,
          web_accessible_resources: [onDemandResources(browser, base)],
          content_security_policy: CSP,
          ...MANIFEST_PATCHES[browser],
        };
        await writeFile(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
        const { highlightCss } = await importTypeScript('src/content/highlight/highlight-styles.ts');
        const dataset = await compileDataset();
        await writeFile(join(outdir, 'highlights.css'), highlightCss(dataset.entities.map((e) => e.id)));
        for (const [from, to, keep = () => true] of STATIC_FILES) {
          await cp(join(root, from), join(outdir, to), { recursive: true, filter: (path) => keep(path) });
        }
        for (const page of PAGES) await writeFile(join(outdir, `${page}.html`), pageHtml(page));
        await writeFile(join(outdir, 'demo.html'), await demoPage());
      });
    },
  };
}

/** The seed article as an extension page, with Backstory's own scripts: the first-run page's demo. */
const DEMO_SOURCE = 'test/fixtures/pages/seed-article.html';

/**
 * The demo article, bundled: content scripts do not run on extension pages, so the page loads the
 * content script and its style sheet itself, as a page the browser injected them into would.
 */
async function demoPage() {
  const html = await readFile(join(root, DEMO_SOURCE), 'utf8');
  const tags = '<link rel="stylesheet" href="highlights.css">\n<script src="content.js"></script>\n';
  if (!html.includes('</body>')) throw new Error(`${DEMO_SOURCE} has no </body> to put the demo's scripts before`);
  return html.replace('</body>', `${tags}</body>`);
}

/** The licence notices of the bundled packages (esbuild strips their comments from the bundles). */
const NOTICES_FILE = 'THIRD_PARTY_NOTICES.txt';

/**
 * Every npm package whose code is in a bundle (from esbuild's metafile), with its version,
 * licence and licence text, for both packages: MIT and MPL-2.0 require the notice to ship.
 */
async function thirdPartyNotices(inputs) {
  const packages = new Set();
  for (const input of inputs) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//u.exec(input);
    if (match) packages.add(match[1]);
  }
  const sections = [];
  for (const name of [...packages].sort()) {
    const dir = join(root, 'node_modules', name);
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    const files = await readdir(dir);
    const licenseFile = files.find((file) => /^(licen[cs]e|copying)(\.(md|txt))?$/iu.test(file));
    if (!licenseFile) throw new Error(`${name} is bundled but has no licence file to put in ${NOTICES_FILE}`);
    const text = (await readFile(join(dir, licenseFile), 'utf8')).trim();
    sections.push(`${name} ${pkg.version} (${pkg.license})\n${pkg.homepage ?? ''}\n\n${text}`);
  }
  const rule = `\n\n${'-'.repeat(72)}\n\n`;
  return `Backstory includes the following third-party software.${rule}${sections.join(rule)}\n`;
}

/** Each browser's bundled inputs, by build (the classic scripts, the on-demand modules). */
const bundledInputs = { chrome: {}, firefox: {} };

/** Writes the notices file once both of a browser's builds have ended, from the inputs of both. */
function noticesPlugin(browser, outdir, part) {
  return {
    name: 'backstory-notices',
    setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length > 0) return;
        bundledInputs[browser][part] = Object.keys(result.metafile?.inputs ?? {});
        const { scripts, modules } = bundledInputs[browser];
        if (!scripts || !modules) return;
        await writeFile(join(outdir, NOTICES_FILE), await thirdPartyNotices([...scripts, ...modules]));
      });
    },
  };
}

/**
 * The on-demand modules, reachable from the pages the content script runs on. In Chromium only
 * through a per-session URL (`use_dynamic_url`), so a page cannot probe for the extension;
 * Firefox's moz-extension:// addresses are already random per install (and it lacks the key).
 */
function onDemandResources(browser, manifest) {
  return {
    resources: ON_DEMAND_MODULES.map((entry) => `${entry.out}.js`),
    matches: [...new Set(manifest.content_scripts.flatMap((script) => script.matches))],
    ...(browser === 'chrome' && { use_dynamic_url: true }),
  };
}

/** Two builds per browser: the classic scripts (writing the manifest), then the on-demand modules. */
function buildOptions(browser) {
  const outdir = join(distDir, browser);
  const common = {
    outdir,
    bundle: true,
    target: TARGETS[browser],
    minify: !args.watch,
    sourcemap: args.watch ? 'inline' : false,
    // The notices go in one file instead (THIRD_PARTY_NOTICES.txt, see noticesPlugin).
    legalComments: 'none',
    metafile: true,
    charset: 'utf8',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { __BROWSER__: JSON.stringify(browser) },
    logLevel: 'warning',
  };
  const plugins = [datasetPlugin(), cssAsTextPlugin(), preactWithoutInnerHtmlPlugin()];
  return [
    {
      ...common,
      entryPoints: ENTRIES,
      format: 'iife',
      plugins: [...plugins, staticFilesPlugin(browser, outdir), noticesPlugin(browser, outdir, 'scripts')],
    },
    {
      ...common,
      entryPoints: ON_DEMAND_MODULES,
      format: 'iife',
      // V8's compile hint (Chromium 136 on; a comment elsewhere): an on-demand module runs most of
      // its code as soon as it arrives, so its functions are compiled with it, on the thread that
      // streams it in, not one by one on the page's main thread when first called.
      banner: { js: COMPILE_ALL_HINT },
      plugins: [...plugins, noticesPlugin(browser, outdir, 'modules')],
    },
  ];
}

async function main() {
  await compileDataset(); // fail fast, before anything is written
  for (const browser of BROWSERS) {
    await rm(join(distDir, browser), { recursive: true, force: true });
    await mkdir(join(distDir, browser), { recursive: true });
  }
  if (args.watch) {
    for (const options of BROWSERS.flatMap(buildOptions)) await (await esbuild.context(options)).watch();
    console.log('Watching src/ for changes (Ctrl+C to stop)…');
    return;
  }
  await Promise.all(BROWSERS.flatMap(buildOptions).map((options) => esbuild.build(options)));
  console.log(`Built ${BROWSERS.map((b) => `${relative(process.cwd(), join(distDir, b))}/`).join(' and ')}`);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
