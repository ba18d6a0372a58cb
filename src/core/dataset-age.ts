/** Days after the dataset's as-of date from which a reader is told later events may be missing. */
export const STALE_AFTER_DAYS = 90;

/** Whether `today` is more than {@link STALE_AFTER_DAYS} days past `asOf` (an ISO date, `YYYY-MM-DD`). */
export function isDatasetStale(asOf: string, today: Date): boolean {
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  return today.getTime() - asOfMs > STALE_AFTER_DAYS * 86_400_000;
}
