/**
 * A screen never promises a precise wait beyond this: past it the figure says more about a
 * ticket left "in service" than about the line ("ok. 2527 min" was seen), so it says "over 120".
 */
const MAX_PROMISED_MINUTES = 120;

/** The catalogue key and count for a line's estimated wait: at least 1 min, capped. */
export function promisedWait(
  minutes: number,
): ['board.minutes' | 'board.minutesOver', { count: number }] {
  if (minutes > MAX_PROMISED_MINUTES) return ['board.minutesOver', { count: MAX_PROMISED_MINUTES }];
  return ['board.minutes', { count: Math.max(1, Math.round(minutes)) }];
}
