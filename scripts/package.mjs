#!/usr/bin/env node
/**
 * Packages Backstory for the stores, into artifacts/:
 *
 *   backstory-chrome-<version>.zip    dist/chrome/, zipped at the root (Chrome Web Store)
 *   backstory-firefox-<version>.zip   dist/firefox/, zipped by `web-ext build` (addons.mozilla.org)
 *   backstory-source-<version>.zip    the files git tracks at HEAD, plus SOURCE-README.md (AMO review)
 *
 *   node scripts/package.mjs [--outdir DIR] [--dist DIR]
 *
 * It runs `node build.mjs` first. The store packages are reproducible: entries sorted, every
 * timestamp 1980-01-01 00:00 (web-ext stamps the current time, so its zip is rewritten with the
 * same files). The source archive is `git archive` of HEAD, which is reproducible for a commit.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { unzipSync, zipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);

const { values: args } = parseArgs({
  options: {
    outdir: { type: 'string', default: 'artifacts' },
    dist: { type: 'string', default: 'dist' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (args.help) {
  console.log(`Usage: node scripts/package.mjs [--outdir DIR] [--dist DIR]

Builds (node build.mjs), then writes the store packages and the source archive.
  --outdir DIR   where the zips go (default: artifacts)
  --dist DIR     where the build goes (default: dist)
  --help         this text`);
  process.exit(0);
}

const outDir = resolve(args.outdir);
const distDir = resolve(args.dist);

/**
 * One timestamp for every entry, as local time: zip (DOS) times have no time zone, and fflate
 * writes a Date's local fields, so this gives the same bytes in every zone.
 */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
/** A regular file, rw-r--r--, in the Unix attribute bits (os 3). */
const FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;

/** Zips {path: bytes} with sorted entries, fixed timestamps and attributes: same input, same bytes. */
function reproducibleZip(files) {
  const entries = {};
  for (const path of Object.keys(files).sort()) {
    entries[path] = [files[path], { level: 9, mtime: FIXED_MTIME, os: 3, attrs: FILE_ATTRIBUTES }];
  }
  return zipSync(entries);
}

/** Every file under dir, as {relative/path: bytes}. */
async function readTree(dir) {
  const files = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path).split('\\').join('/')] = await readFile(path);
  }
  return files;
}

async function readJson(path) {
  return JSON.parse(await readFile(path, 'utf8'));
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

async function git(...gitArgs) {
  // TZ=UTC: git writes zip times in local time; this makes them the same everywhere.
  const { stdout } = await run('git', gitArgs, {
    cwd: root,
    env: { ...process.env, TZ: 'UTC' },
    encoding: 'buffer',
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

async function isGitWorkTree() {
  try {
    return (await git('rev-parse', '--is-inside-work-tree')).toString().trim() === 'true';
  } catch {
    return false;
  }
}

async function npmVersion() {
  try {
    const { stdout } = await run('npm', ['--version']);
    return stdout.trim();
  } catch {
    return 'unknown';
  }
}

async function build() {
  const { stdout } = await run(process.execPath, [join(root, 'build.mjs'), '--outdir', distDir], { cwd: root });
  process.stdout.write(stdout);
}

/** Both manifests must carry package.json's version: the packages are named by it. */
async function checkManifestVersions(version) {
  for (const browser of ['chrome', 'firefox']) {
    const manifest = await readJson(join(distDir, browser, 'manifest.json'));
    if (manifest.version !== version)
      throw new Error(`dist/${browser}/manifest.json has version ${manifest.version}, package.json ${version}`);
  }
}

/** The arguments of `web-ext`, here and in SOURCE-README.md: the command a reviewer runs. */
const webExtArgs = (sourceDir, artifactsDir, filename) => [
  'build',
  '--source-dir',
  sourceDir,
  '--artifacts-dir',
  artifactsDir,
  '--filename',
  filename,
  '--overwrite-dest',
  '--no-config-discovery',
];

/** `web-ext build`, then the same files rewritten reproducibly. */
async function packageFirefox(filename) {
  const staging = await mkdtemp(join(tmpdir(), 'backstory-web-ext-'));
  try {
    const bin = join(root, 'node_modules/web-ext/bin/web-ext.js');
    await run(process.execPath, [bin, ...webExtArgs(join(distDir, 'firefox'), staging, filename)], {
      cwd: root,
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    });
    const entries = Object.entries(unzipSync(await readFile(join(staging, filename))));
    return reproducibleZip(Object.fromEntries(entries.filter(([path]) => !path.endsWith('/')))); // no folder entries
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function sourceReadme({ version, commit, dirty, firefoxName, firefoxHash, chromeName, chromeHash, npm }) {
  return `# Backstory ${version}: source code for review

This archive is the source of Backstory ${version}: the files git tracks at commit
\`${commit}\` (\`git archive\`), plus this file. It builds the Firefox package
\`${firefoxName}\` submitted to addons.mozilla.org, and the Chrome package \`${chromeName}\`.
${dirty ? '\n**Note:** these packages were made from a working tree with uncommitted changes; this archive\nmay not rebuild them exactly.\n' : ''}
## What the package contains

\`build.mjs\` bundles and minifies \`src/\` with esbuild (one file per context: \`content.js\`,
\`background.js\`, a \`.js\` and a \`.css\` for each of its pages: popup, options, welcome, report; and
\`card.js\`, the card's UI, which the content script imports from the package when a card is first
wanted), compiles the dataset in \`src/data/*.json\` into them, writes \`manifest.json\` from the
top-level \`manifest.json\`, each page's HTML from one template in \`build.mjs\`, and
\`highlights.css\` from \`src/content/highlight/highlight-styles.ts\`, and copies \`src/_locales/\`, \`icons/*.png\`
and the first-run page's pictures.
The third-party code in the bundles comes from npm, pinned by \`package-lock.json\`: Preact,
@floating-ui/dom and webextension-polyfill. Nothing is generated or downloaded at run time.

## Rebuild the Firefox package

Made with Node.js ${process.version} and npm ${npm} on ${process.platform} ${process.arch}. Any
Node.js 20.19 or later should give the same files: the tools' versions come from \`package-lock.json\`.
Nothing is needed beyond Node.js, npm and the npm registry.

\`\`\`sh
npm ci
npm run build
npx web-ext ${webExtArgs('dist/firefox', 'artifacts', firefoxName).join(' ')}
\`\`\`

\`artifacts/${firefoxName}\` then holds the same files as the submitted package, byte for byte.
To compare them:

\`\`\`sh
mkdir rebuilt submitted
unzip -q artifacts/${firefoxName} -d rebuilt
unzip -q path/to/the/submitted/${firefoxName} -d submitted
diff -r rebuilt submitted && echo identical
\`\`\`

The zip files themselves differ in their metadata only, since \`web-ext build\` stamps each entry
with the current time. \`npm run package\` (\`scripts/package.mjs\`) runs the build and the same
\`web-ext build\`, then writes the same files again with sorted entries and fixed timestamps; that
reproduces the submitted zip itself, byte for byte:

\`\`\`sh
npm ci
npm run package
sha256sum artifacts/${firefoxName} artifacts/${chromeName}
\`\`\`

\`\`\`
${firefoxHash}  artifacts/${firefoxName}
${chromeHash}  artifacts/${chromeName}
\`\`\`

(Outside a git checkout, \`npm run package\` leaves the source archive out and says so.)
`;
}

async function main() {
  const pkg = await readJson(join(root, 'package.json'));
  const { version } = pkg;
  if (!/^\d+(\.\d+){0,3}$/.test(version ?? ''))
    throw new Error(`package.json's version ${version} is not a browser extension version (1 to 4 numbers)`);

  await build();
  await checkManifestVersions(version);
  await mkdir(outDir, { recursive: true });

  const names = {
    chrome: `backstory-chrome-${version}.zip`,
    firefox: `backstory-firefox-${version}.zip`,
    source: `backstory-source-${version}.zip`,
  };
  const written = {};

  written.chrome = reproducibleZip(await readTree(join(distDir, 'chrome')));
  written.firefox = await packageFirefox(names.firefox);

  if (await isGitWorkTree()) {
    const commit = (await git('rev-parse', 'HEAD')).toString().trim();
    const status = (await git('status', '--porcelain')).toString().trim();
    if (status) {
      const count = status.split('\n').length;
      console.warn(
        `Warning: ${count} path(s) differ from HEAD (git status). The source archive is HEAD's, ` +
          `the packages are built from the working tree: commit first for a release.`,
      );
    }
    const readme = sourceReadme({
      version,
      commit,
      dirty: Boolean(status),
      firefoxName: names.firefox,
      firefoxHash: sha256(written.firefox),
      chromeName: names.chrome,
      chromeHash: sha256(written.chrome),
      npm: await npmVersion(),
    });
    const readmeDir = await mkdtemp(join(tmpdir(), 'backstory-source-'));
    try {
      await writeFile(join(readmeDir, 'SOURCE-README.md'), readme);
      written.source = await git(
        'archive',
        '--format=zip',
        `--add-file=${join(readmeDir, 'SOURCE-README.md')}`,
        'HEAD',
      );
    } finally {
      await rm(readmeDir, { recursive: true, force: true });
    }
  } else {
    console.warn('Not a git checkout: no source archive (it is made from the files git tracks).');
  }

  for (const [kind, bytes] of Object.entries(written)) {
    const path = join(outDir, names[kind]);
    await writeFile(path, bytes);
    const { size } = await stat(path);
    console.log(`${relative(process.cwd(), path)}  ${(size / 1024).toFixed(1)} KiB  sha256 ${sha256(bytes)}`);
  }
}

main().catch((error) => {
  console.error(error.stderr?.toString() || error.message);
  process.exit(1);
});
