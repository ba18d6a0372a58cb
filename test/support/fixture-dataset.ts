import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Alias, Dataset } from '../../src/core/dataset-types';
import { DATASET_FILES, loadDataset, type DatasetFileName } from '../../src/data/load-dataset';

const root = join(import.meta.dirname, '../..');

/**
 * Loads a dataset folder the way the build does. `schemaFile` is for callers that run bundled
 * elsewhere (the benchmark), where this module's own folder is not the repository's.
 */
export function loadDatasetFrom(dir: string, schemaFile = join(root, 'src/data/schema.json')): Dataset {
  const texts = Object.fromEntries(
    Object.keys(DATASET_FILES).map((file) => [file, readFileSync(join(dir, file), 'utf8')]),
  ) as Record<DatasetFileName, string>;
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
  return loadDataset(texts, schema);
}

/** The small, stable dataset of test/fixtures/dataset. */
export const fixtureDataset = (): Dataset => loadDatasetFrom(join(root, 'test/fixtures/dataset'));

/** The real dataset of src/data. */
export const realDataset = (): Dataset => loadDatasetFrom(join(root, 'src/data'));

/** An alias with the dataset's defaults, for matcher tests. */
export const alias = (text: string, rules: Partial<Alias> = {}): Alias => ({
  text,
  case: 'exact',
  boundary: 'word',
  suffixes: [],
  prefixes: [],
  when: 'always',
  ...rules,
});
