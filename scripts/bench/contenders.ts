/**
 * What Backstory is measured against, each an unpacked Chromium extension of its own:
 * - the floor: a few lines that walk every text node of the body once and read it, the least
 *   any scanner of a page can do;
 * - the peer: mark.js highlighting the same names, as keyword-highlighting extensions do
 *   (wrapping each in a `<mark>` element);
 * - the skeleton: only what Backstory's design cannot do without, in the fewest lines: walk the
 *   body's elements and texts once (texts for a name, elements for an open shadow root), watch
 *   the page for changes, and where a name is, read the settings from storage and load a module
 *   on demand that highlights each name, listens for the pointer, and tells the toolbar the count.
 *   No judge, no rules, no card: what Backstory adds beyond it is what its engine costs;
 * - none: no content script at all, the page as it is without any extension: what the page's
 *   main thread runs by itself (near zero with page scripts off), and the heap without us.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCAN_MEASURE } from '../../src/shared/public-names';

/** The four scanners, and the browser with no extension (what the page costs by itself). */
export type ContenderName = 'backstory' | 'floor' | 'peer' | 'skeleton' | 'none';

export interface Contender {
  readonly name: ContenderName;
  /** The unpacked extension. */
  readonly dir: string;
  /** The User Timing entry the contender's content script records when its first pass is done (none: no script). */
  readonly doneEntry?: string;
  /** Backstory: on a page where its sentinel finds no candidate, it is done once the sentinel is quiet. */
  readonly sentinel?: boolean;
}

/** Recorded by the floor and the peer when they are done, like Backstory's `backstory:scan`. */
const DONE_MARK = 'bench:done';

const FLOOR_JS = `const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
let length = 0;
for (let node = walker.nextNode(); node; node = walker.nextNode()) length += node.data.length;
performance.mark('${DONE_MARK}', { detail: { length } });
`;

const peerJs = (names: readonly string[]) => `new Mark(document.body).mark(${JSON.stringify(names)}, {
  separateWordSearch: false,
  diacritics: false,
  done: (marks) => performance.mark('${DONE_MARK}', { detail: { marks } }),
});
`;

/** The skeleton's content script: the sentinel's part, which every page pays. */
const skeletonJs = (pattern: string) => `(async () => {
  const names = new RegExp(${JSON.stringify(pattern)}, 'u');
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (names.test(node.data)) found.push(node);
    } else if (node.shadowRoot) found.push(node.shadowRoot);
  }
  new MutationObserver(() => {}).observe(document, { childList: true, subtree: true, characterData: true });
  // Where a name is, the settings decide what goes on (a paused site, the entities shown): here, any settings do.
  if (found.length > 0 && (await chrome.storage.sync.get('settings')) !== null) {
    await import(chrome.runtime.getURL('skeleton-engine.js'));
    await chrome.runtime.sendMessage({ count: globalThis.skeletonHighlight(found) });
  }
  performance.mark('${DONE_MARK}');
})();
`;

/** The skeleton's module on demand: the engine's part, without a judge or a card. */
const skeletonEngineJs = (pattern: string) => `globalThis.skeletonHighlight = (texts) => {
  const names = new RegExp(${JSON.stringify(pattern)}, 'gu');
  const highlight = new Highlight();
  for (const text of texts) {
    if (text.nodeType !== Node.TEXT_NODE) continue;
    for (const match of text.data.matchAll(names)) {
      const range = new Range();
      range.setStart(text, match.index);
      range.setEnd(text, match.index + match[0].length);
      highlight.add(range);
    }
  }
  CSS.highlights.set('skeleton', highlight);
  document.addEventListener('pointermove', () => {}, { passive: true });
  return highlight.size;
};
`;

const SKELETON_BACKGROUND_JS = `chrome.runtime.onMessage.addListener((message, sender) => {
  if (sender.tab?.id !== undefined) void chrome.action.setBadgeText({ tabId: sender.tab.id, text: String(message.count) });
});
`;

/** A file of the extension (a content script…): its text, or the file to copy. */
type Script = { readonly file: string } & ({ readonly text: string } | { readonly from: string });

const MATCHES = ['http://*/*', 'https://*/*'];

/**
 * Writes an MV3 extension whose content scripts are `scripts`, in that order, at document_idle,
 * with `more` files beside them and `manifest` added to its manifest.
 */
async function writeExtension(
  dir: string,
  name: string,
  scripts: readonly Script[],
  { more = [], manifest: added = {} }: { more?: readonly Script[]; manifest?: object } = {},
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const js = scripts.map((script) => script.file);
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0.0',
    ...(js.length > 0 && { content_scripts: [{ matches: MATCHES, js, run_at: 'document_idle' }] }),
    ...added,
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  for (const script of [...scripts, ...more]) {
    const to = join(dir, script.file);
    await ('text' in script ? writeFile(to, script.text) : copyFile(script.from, to));
  }
  return dir;
}

/**
 * Writes the floor, the peer (mark.js from `markJs`, highlighting `names`), the skeleton (finding
 * `names`) and the empty extension below `workDir`; Backstory is `backstoryDir` as the build
 * wrote it.
 */
export async function writeContenders(
  workDir: string,
  backstoryDir: string,
  names: readonly string[],
  markJs: string,
): Promise<Contender[]> {
  const floor = await writeExtension(join(workDir, 'floor'), 'Bench floor', [{ file: 'floor.js', text: FLOOR_JS }]);
  const peer = await writeExtension(join(workDir, 'peer'), 'Bench peer (mark.js)', [
    { file: 'mark.min.js', from: markJs },
    { file: 'peer.js', text: peerJs(names) },
  ]);
  // The names as one pattern, longest first so that a longer name wins where two start together.
  const pattern = [...names]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    .join('|');
  const skeleton = await writeExtension(
    join(workDir, 'skeleton'),
    'Bench skeleton',
    [{ file: 'skeleton.js', text: skeletonJs(pattern) }],
    {
      more: [
        { file: 'skeleton-engine.js', text: skeletonEngineJs(pattern) },
        { file: 'background.js', text: SKELETON_BACKGROUND_JS },
      ],
      manifest: {
        action: {},
        permissions: ['storage'],
        background: { service_worker: 'background.js' },
        web_accessible_resources: [{ resources: ['skeleton-engine.js'], matches: MATCHES }],
      },
    },
  );
  const blankDir = await writeExtension(join(workDir, 'blank'), 'Bench blank', []);
  return [
    { name: 'backstory', dir: backstoryDir, doneEntry: SCAN_MEASURE, sentinel: true },
    { name: 'floor', dir: floor, doneEntry: DONE_MARK },
    { name: 'peer', dir: peer, doneEntry: DONE_MARK },
    { name: 'skeleton', dir: skeleton, doneEntry: DONE_MARK },
    { name: 'none', dir: blankDir },
  ];
}
