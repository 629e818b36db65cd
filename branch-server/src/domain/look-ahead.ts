import type { Ticket } from '@skr/protocol';
import { typicalServiceMinutes } from './estimate';
import { addMinutes } from './time';

/**
 * What a calling policy may know of the next minutes: when each busy counter is expected to be
 * free, and how long a visit of each service typically takes. Optional in the policy's view: a
 * policy without it decides from the waiting tickets alone.
 */
export interface LookAhead {
  /** Expected time (ISO) each counter with a client in hand (called or served) frees up. */
  freeAt: ReadonlyMap<number, string>;
  /** Typical minutes of one visit, per service (the day's recent mean). */
  serviceMinutes: ReadonlyMap<string, number>;
}

/** Minutes from a call to the client reaching the counter (the desk's typical walk). */
const WALK_MINUTES = 1;

/**
 * Builds the look-ahead from the tickets in hand and the day's service times: a visit being
 * served ends at its start plus its service's typical minutes, a called one a walk later. A visit
 * already past its typical end may end any moment, so it counts as ending now (the policy's
 * 5-minute grace for booked visits absorbs that optimism).
 */
export function lookAheadOf(
  inHand: Iterable<Ticket>,
  durations: ReadonlyMap<string, readonly number[]>,
  serviceIds: Iterable<string>,
  now: Date,
): LookAhead {
  const serviceMinutes = new Map<string, number>();
  for (const id of serviceIds)
    serviceMinutes.set(id, typicalServiceMinutes(durations.get(id) ?? []));
  const freeAt = new Map<number, string>();
  const nowIso = now.toISOString();
  for (const t of inHand) {
    if (t.counterId === null) continue;
    const minutes = serviceMinutes.get(t.serviceId) ?? typicalServiceMinutes([]);
    let end: string | undefined;
    if (t.state === 'serving' && t.startedAt) end = addMinutes(t.startedAt, minutes);
    else if (t.state === 'called' && t.calledAt)
      end = addMinutes(t.calledAt, WALK_MINUTES + minutes);
    if (end !== undefined) freeAt.set(t.counterId, end > nowIso ? end : nowIso);
  }
  return { freeAt, serviceMinutes };
}
