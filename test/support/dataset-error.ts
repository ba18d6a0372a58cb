import { expect } from 'vitest';
import { DatasetError } from '../../src/data/dataset-error';

/** The DatasetError `run` throws; fails the test if it throws nothing or something else. */
export function errorOf(run: () => unknown): DatasetError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return error as DatasetError;
  }
  throw new Error('expected a DatasetError');
}
