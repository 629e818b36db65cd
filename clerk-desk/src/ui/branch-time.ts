import { BranchTime, createBranchClock } from '@skr/protocol/branch-clock';

/**
 * The branch's clock for this page (a page talks to one branch): times are shown on the
 * branch's wall clock with the server's time, never the PC's zone or drifting clock. Fed by
 * the `branch:time` every socket handshake sends.
 */
export const branchClock = createBranchClock();

/** Takes a `branch:time` payload from a socket (ignores anything malformed). */
export function takeBranchTime(raw: unknown): void {
  const t = BranchTime.safeParse(raw);
  if (t.success) branchClock.sync(t.data);
}

/** Date and time on the branch's clock, e.g. "30.11.2026, 08:15:02" (for logs and lists). */
export function branchDateTime(at: string | Date, lang: string): string {
  return branchClock.format(at, lang, { dateStyle: 'short', timeStyle: 'medium' });
}

/** "12:05" on the branch's clock. */
export function branchTimeOfDay(at: string | Date, lang: string): string {
  return branchClock.time(at, lang);
}
