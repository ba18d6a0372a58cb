/**
 * Which labels file holds which page set: the first corpus and the trap pages share
 * `test/fixtures/corpus-labels.json`; the second corpus (`corpus-2`, ../shared/corpus/pages-2) has
 * its own file, so its labels can be written and reviewed apart from the first.
 */
import { loadDraftLabels, loadLabels, writeLabels, type DraftLabels, type LabelsFile } from './labels';

/** By page set, the labels file (the sets not named use `defaultFile`). */
export type LabelFiles = Readonly<Record<string, string>>;

/** The file of a page set. */
export const fileOfSet = (files: LabelFiles, defaultFile: string, set: string): string => files[set] ?? defaultFile;

/** The labels of every file, merged: each file holds the pages of its own sets only. */
export async function loadAllLabels(files: readonly string[]): Promise<LabelsFile> {
  const loaded = await Promise.all([...new Set(files)].map((file) => loadLabels(file)));
  return { pages: Object.assign({}, ...loaded.map((labels) => labels.pages)) as LabelsFile['pages'] };
}

/** The draft labels of every file, merged, as a labeller sees them. */
export async function loadAllDraftLabels(files: readonly string[]): Promise<DraftLabels> {
  const loaded = await Promise.all([...new Set(files)].map((file) => loadDraftLabels(file)));
  return { pages: Object.assign({}, ...loaded.map((labels) => labels.pages)) as DraftLabels['pages'] };
}

/** Writes each page's labels back to the file of its set, keeping each file's `about`. */
export async function writeLabelsBySet(fileOf: (set: string) => string, pages: DraftLabels['pages']): Promise<void> {
  const byFile = new Map<string, Record<string, DraftLabels['pages'][string]>>();
  for (const [key, page] of Object.entries(pages)) {
    const file = fileOf(key.split('/')[0] ?? '');
    byFile.set(file, { ...byFile.get(file), [key]: page });
  }
  for (const [file, filePages] of byFile) {
    const draft = await loadDraftLabels(file);
    await writeLabels(file, { ...draft, pages: filePages });
  }
}
