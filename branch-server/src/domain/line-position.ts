import type { Ticket } from '@skr/protocol';
import type { QueueState } from './queue-state';

/** Whether a ticket holds its place by a booked time rather than by when it joined. */
function atBookedTime(t: Ticket): boolean {
  return t.bookedFor !== null && t.lineAt === t.bookedFor;
}

/**
 * The line position for someone joining at the end now: `now`, but never before anyone who
 * joined earlier. Line order follows the order of the events, so a backward step of the
 * server's clock cannot put a later ticket ahead of an earlier one (booked visits keep their
 * booked time and are left out).
 */
export function endOfLine(state: QueueState, now: Date): string {
  let last = now.getTime();
  for (const t of state.active.values()) {
    if (t.state !== 'waiting' || atBookedTime(t)) continue;
    const at = Date.parse(t.lineAt);
    if (at >= last) last = at + 1;
  }
  return new Date(last).toISOString();
}
