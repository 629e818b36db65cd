/** Retry timing of the outbox. */
export interface BackoffPolicy {
  /** Delay ceiling of the first retry. */
  baseMs: number;
  /** No retry waits longer than this. */
  capMs: number;
}

/** Production default: first retry within 1 s, then doubling, never more than 5 minutes apart. */
export const defaultBackoff: BackoffPolicy = { baseMs: 1000, capMs: 300_000 };

/**
 * Delay before retry number `attempt` (1 = first retry): exponential with "full jitter", a
 * random share of min(cap, base·2^(attempt−1)). Jitter spreads the retries of a whole
 * backlog, so a portal coming back is not hit by every branch item in the same millisecond.
 */
export function retryDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  // Never 0: a retry always yields to other work first.
  return Math.max(1, Math.round(exp * random()));
}
