/**
 * The last 1-minute histogram bucket: waits and service times of 4 h or more all count here.
 * Defined once: the statistics triggers (SQL) and the quantile reader (TypeScript) share it.
 */
export const LAST_BUCKET = 240;

/** SQL for the histogram bucket of a duration in minutes (`minutes` is an SQL expression). */
export function bucketSql(minutes: string): string {
  return `MIN(${LAST_BUCKET}, CAST(MAX(0, ${minutes}) AS INTEGER))`;
}
