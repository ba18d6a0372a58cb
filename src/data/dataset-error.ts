/** What a broken dataset reports: which file, where in it (a JSON path) and why. */
export class DatasetError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${file} at ${path}: ${reason}`);
    this.name = 'DatasetError';
  }
}
