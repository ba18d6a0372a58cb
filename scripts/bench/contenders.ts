/**
 * What Backstory is measured against, each an unpacked Chromium extension of its own:
 * - the floor: a few lines that walk every text node of the body once and read it, the least
 *   any scanner of a page can do;
 * - the peer: mark.js highlighting the same names, as keyword-highlighting extensions do
 *   (wrapping each in a `<mark>` element);
 * - none: no content script at all, the page as it is without any extension: what the page's
 *   main thread runs by itself (near zero with page scripts off), and the heap without us.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCAN_MEASURE } from '../../src/shared/public-names';

/** The three scanners, and the browser with no extension (what the page costs by itself). */
export type ContenderName = 'backstory' | 'floor' | 'peer' | 'none';

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

/** A content script: its text, or the file to copy. */
type Script = { readonly file: string } & ({ readonly text: string } | { readonly from: string });

/** Writes an MV3 extension whose content scripts are `scripts`, in that order, at document_idle. */
async function writeExtension(dir: string, name: string, scripts: readonly Script[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  const js = scripts.map((script) => script.file);
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0.0',
    ...(js.length > 0 && {
      content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js, run_at: 'document_idle' }],
    }),
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  for (const script of scripts) {
    const to = join(dir, script.file);
    await ('text' in script ? writeFile(to, script.text) : copyFile(script.from, to));
  }
  return dir;
}

/**
 * Writes the floor, the peer (mark.js from `markJs`, highlighting `names`) and the empty extension
 * below `workDir`; Backstory is `backstoryDir` as the build wrote it.
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
  const blankDir = await writeExtension(join(workDir, 'blank'), 'Bench blank', []);
  return [
    { name: 'backstory', dir: backstoryDir, doneEntry: SCAN_MEASURE, sentinel: true },
    { name: 'floor', dir: floor, doneEntry: DONE_MARK },
    { name: 'peer', dir: peer, doneEntry: DONE_MARK },
    { name: 'none', dir: blankDir },
  ];
}
