// `npm run package`, into a temporary folder, and the checks a store makes on what it writes:
// a valid Manifest V3 manifest with package.json's version, every file it names present, no
// source maps, sources or tests; and a source archive with the files git tracks.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const TIMEOUT = 60_000;

const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
const NAMES = {
  chrome: `backstory-chrome-${version}.zip`,
  firefox: `backstory-firefox-${version}.zip`,
  source: `backstory-source-${version}.zip`,
};
const isGitCheckout = await run('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root }).then(
  () => true,
  () => false,
);

let work: string;

/** Runs the packaging script into DIR (the build goes to a temporary dist/ too). */
async function packageInto(dir: string) {
  const script = join(root, 'scripts/package.mjs');
  return run(process.execPath, [script, '--outdir', dir, '--dist', join(work, 'dist')], { cwd: root });
}

const readZip = async (dir: string, name: string) => unzipSync(new Uint8Array(await readFile(join(dir, name))));

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'backstory-artifacts-'));
  await packageInto(join(work, 'first'));
}, TIMEOUT);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

type Manifest = Record<string, any>;

/** Every file the manifest refers to, as a path in the package. */
function filesNamedBy(manifest: Manifest): string[] {
  const files: string[] = [];
  for (const script of manifest.content_scripts ?? []) files.push(...(script.js ?? []), ...(script.css ?? []));
  for (const entry of manifest.web_accessible_resources ?? []) files.push(...(entry.resources ?? []));
  if (manifest.background?.service_worker) files.push(manifest.background.service_worker);
  files.push(...(manifest.background?.scripts ?? []));
  if (manifest.background?.page) files.push(manifest.background.page);
  files.push(...Object.values<string>(manifest.icons ?? {}));
  const action = manifest.action ?? {};
  if (action.default_popup) files.push(action.default_popup);
  if (typeof action.default_icon === 'string') files.push(action.default_icon);
  else files.push(...Object.values<string>(action.default_icon ?? {}));
  if (manifest.options_ui?.page) files.push(manifest.options_ui.page);
  if (manifest.options_page) files.push(manifest.options_page);
  if (manifest.default_locale) files.push(`_locales/${manifest.default_locale}/messages.json`);
  return files.map((path) => path.replace(/^\//, '').replace(/[?#].*$/, ''));
}

/** The manifest's string, with a `__MSG_key__` looked up in the default locale. */
function localized(value: string, messages: Record<string, { message: string }>): string {
  const key = /^__MSG_(\w+)__$/.exec(value)?.[1];
  if (!key) return value;
  const message = messages[key]?.message;
  if (message === undefined) throw new Error(`${value} is not in the default locale's messages.json`);
  return message;
}

const isUnwanted = (path: string) =>
  /\.map$/.test(path) ||
  /(^|\/)(test|tests|__tests__|e2e|fixtures)\//.test(path) ||
  /\.(test|spec|e2e)\.[cm]?[jt]sx?$/.test(path) ||
  /\.(ts|tsx|mts|cts)$/.test(path) ||
  /(^|\/)(node_modules|\.git)\//.test(path) ||
  /(^|\/)\.[^/]+$/.test(path);

describe.each(['chrome', 'firefox'] as const)('the %s package', (browser) => {
  let files: Record<string, Uint8Array>;
  let manifest: Manifest;

  beforeAll(async () => {
    files = await readZip(join(work, 'first'), NAMES[browser]);
    manifest = JSON.parse(strFromU8(files['manifest.json']!));
  });

  it("has a Manifest V3 manifest at its root, with a name and package.json's version", () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toEqual(expect.any(String));
    expect(manifest.version).toBe(version);
  });

  it('holds every file its manifest names', () => {
    const named = filesNamedBy(manifest);
    expect(named).toEqual(
      expect.arrayContaining([
        'content.js',
        'highlights.css',
        'card.js',
        'background.js',
        'popup.html',
        'icons/icon-128.png',
      ]),
    );
    expect(named.filter((path) => !(path in files))).toEqual([]);
  });

  it('asks for storage and scripting, and host access only where its content script runs already', () => {
    expect(manifest.permissions).toEqual(['storage', 'scripting']);
    const matches = new Set(
      (manifest.content_scripts ?? []).flatMap((script: { matches?: string[] }) => script.matches ?? []),
    );
    expect(new Set(manifest.host_permissions)).toEqual(matches);
  });

  it('ships the licence notices of the packages its bundles include', () => {
    const notices = strFromU8(files['THIRD_PARTY_NOTICES.txt']!);
    expect(notices).toMatch(/^preact [0-9.]+ \(MIT\)$/m);
    expect(notices).toMatch(/^webextension-polyfill [0-9.]+ \(MPL-2\.0\)$/m);
  });

  it('holds the scripts and style sheets its HTML pages load (no remote ones)', () => {
    for (const page of Object.keys(files).filter((path) => path.endsWith('.html'))) {
      const html = strFromU8(files[page]!);
      const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
      expect(refs.length, page).toBeGreaterThan(0);
      for (const ref of refs) {
        expect(ref, `${page} loads ${ref}`).not.toMatch(/^(https?:)?\/\//);
        expect(files, `${page} loads ${ref}`).toHaveProperty([ref.replace(/^\.?\//, '')]);
      }
    }
  });

  it("has a name and description within the stores' limits, found in the default locale", () => {
    const messages = JSON.parse(strFromU8(files[`_locales/${manifest.default_locale}/messages.json`]!));
    const name = localized(manifest.name, messages);
    const description = localized(manifest.description, messages);
    // addons-linter (AMO): a name of 2 to 45 characters; the Chrome Web Store allows 75.
    expect(name.length, `name "${name}"`).toBeGreaterThanOrEqual(2);
    expect(name.length, `name "${name}"`).toBeLessThanOrEqual(45);
    // The Chrome Web Store refuses an upload whose manifest description is longer; MDN gives
    // the same limit for Firefox.
    expect(description.length, `description "${description}"`).toBeLessThanOrEqual(132);
  });

  it('holds no source maps, sources, tests or hidden files', () => {
    expect(Object.keys(files).filter(isUnwanted)).toEqual([]);
    const withMapComments = Object.keys(files).filter(
      (path) => /\.(js|css)$/.test(path) && /[#@] sourceMappingURL=/.test(strFromU8(files[path]!)),
    );
    expect(withMapComments).toEqual([]);
  });

  if (browser === 'chrome') {
    it('runs its background as a service worker', () => {
      expect(manifest.background).toEqual({ service_worker: 'background.js' });
    });
  } else {
    it('has a gecko id and declares its data collection, with background scripts', () => {
      expect(manifest.browser_specific_settings?.gecko?.id).toEqual(expect.any(String));
      expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
      expect(manifest.background).toEqual({ scripts: ['background.js'] });
    });
  }
});

describe.skipIf(!isGitCheckout)('the source archive', () => {
  it('holds exactly the files git tracks at HEAD, and SOURCE-README.md with the web-ext command', async () => {
    const files = await readZip(join(work, 'first'), NAMES.source);
    const { stdout } = await run('git', ['ls-tree', '-r', '--name-only', 'HEAD'], { cwd: root });
    const tracked = stdout.split('\n').filter(Boolean);
    const archived = Object.keys(files).filter((path) => !path.endsWith('/'));
    expect(archived.sort()).toEqual([...tracked, 'SOURCE-README.md'].sort());
    const readme = strFromU8(files['SOURCE-README.md']!);
    expect(readme).toContain('npm ci');
    expect(readme).toContain('npm run build');
    expect(readme).toContain(
      `web-ext build --source-dir dist/firefox --artifacts-dir artifacts --filename ${NAMES.firefox}`,
    );
  });
});

describe('packaging', () => {
  it(
    'gives the same bytes when run again',
    async () => {
      await packageInto(join(work, 'second'));
      for (const name of Object.values(NAMES)) {
        if (name === NAMES.source && !isGitCheckout) continue;
        const [first, second] = await Promise.all(['first', 'second'].map((dir) => readFile(join(work, dir, name))));
        expect(first!.equals(second!), `${name} differs between two runs`).toBe(true);
      }
    },
    TIMEOUT,
  );

  it('reports the size of each artifact', async () => {
    const rows = [];
    for (const name of Object.values(NAMES)) {
      if (name === NAMES.source && !isGitCheckout) continue;
      const zip = await readFile(join(work, 'first', name));
      const entries = unzipSync(new Uint8Array(zip));
      const unpacked = Object.values(entries).reduce((sum, bytes) => sum + bytes.length, 0);
      rows.push({
        artifact: name,
        zip: `${(zip.length / 1024).toFixed(1)} KiB`,
        unpacked: `${(unpacked / 1024).toFixed(1)} KiB`,
        files: Object.keys(entries).length,
      });
      expect(zip.length).toBeGreaterThan(0);
    }
    console.table(rows);
  });
});
