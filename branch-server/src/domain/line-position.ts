import type { Ticket } from '@skr/protocol';
import { isBooked } from './line-order';
import type { QueueState } from './queue-state';

/**
 * Parsed line positions by ticket object: every issue asks for the end of the line (twice,
 * with the walk-in gate), and Date.parse of every waiting ticket's ISO string was most of
 * that (4 % of an issue's CPU with a few hundred waiting). The string is kept to notice a
 * ticket whose lineAt was changed in place.
 */
const parsed = new WeakMap<Ticket, { lineAt: string; ms: number }>();

function lineMs(t: Ticket): number {
  const hit = parsed.get(t);
  if (hit?.lineAt === t.lineAt) return hit.ms;
  const ms = Date.parse(t.lineAt);
  parsed.set(t, { lineAt: t.lineAt, ms });
  return ms;
}

/**
 * The line position (ms) of a waiting walk-in, or undefined for any other ticket: what the
 * end of the line is the maximum of. Exported so the working memory can keep that maximum.
 */
export function walkInLineMs(t: Ticket): number | undefined {
  return t.state !== 'waiting' || isBooked(t) ? undefined : lineMs(t);
}

/** The latest line position of the waiting walk-ins, by scanning them (-Infinity if none). */
export function scanWalkInLineEnd(active: Iterable<Ticket>): number {
  let end = Number.NEGATIVE_INFINITY;
  for (const t of active) {
    const at = walkInLineMs(t);
    if (at !== undefined && at > end) end = at;
  }
  return end;
}

/**
 * The line position for someone joining at the end now: `now`, but never before anyone who
 * joined earlier. Line order follows the order of the events, so a backward step of the
 * server's clock cannot put a later ticket ahead of an earlier one (booked visits keep their
 * booked time and are left out).
 */
export function endOfLine(state: QueueState, now: Date): string {
  // The working memory keeps the latest position (every issue asks, twice with the walk-in
  // gate, and a scan of a few hundred waiting tickets was ~10 % of an issue's CPU).
  const end = state.walkInLineEnd?.() ?? scanWalkInLineEnd(state.active.values());
  const last = now.getTime();
  return new Date(end >= last ? end + 1 : last).toISOString();
}
