// Places back to the branch (escrow, docs/bookings.md): the portal, as the holder, gives only
// places its own visits do not need, and removes them from its share before it answers, so
// from the answer on it never books them; the branch starts using them when the answer arrives.
// Two cases: what the branch asked for (its clients found a slot full while the portal had
// room), and every unused place of a slot within the lead time, which no channel may book any
// more and the branch serves walk-ins with.
import { spareKeys, type PortalGive, type PortalWant } from '@skr/protocol/calendar';
import type { Db } from './db';

interface PlaceRow {
  start: string;
  counter_id: string;
  service_ids: string;
}

/** What the portal's share and visits of one branch look like to the give-back, prepared once. */
function statements(db: Db) {
  return {
    placesAt: db.prepare(
      'SELECT start, counter_id, service_ids FROM portal_places WHERE branch_id = ? AND start = ?',
    ),
    startsBetween: db.prepare(
      `SELECT DISTINCT start FROM portal_places WHERE branch_id = ? AND start >= ? AND start < ?`,
    ),
    demandsAt: db.prepare(
      `SELECT id, service_id AS serviceId FROM bookings WHERE branch_id = ? AND starts_at = ?
         AND status = 'booked' ORDER BY seq`,
    ),
    drop: db.prepare(
      'DELETE FROM portal_places WHERE branch_id = ? AND start = ? AND counter_id = ?',
    ),
  };
}

/**
 * Gives places back, inside the publication's transaction: for each want up to its count of
 * spare places serving its service (slots not yet within the lead time), then every spare place
 * of slots starting within the lead time. The given places leave the portal's share at once.
 */
export function giveBack(
  db: Db,
  branchId: string,
  wanted: readonly PortalWant[],
  minLeadMinutes: number,
  now: Date,
): PortalGive[] {
  const st = statements(db);
  const leadEnd = new Date(now.getTime() + minLeadMinutes * 60_000).toISOString();
  const given = new Map<string, string[]>();

  /** Gives up to `count` spare places of the slot (those serving `serviceId` if named). */
  function give(start: string, count: number, serviceId?: string): void {
    const rows = st.placesAt.all(branchId, start) as PlaceRow[];
    const places = rows.map((r) => ({
      key: r.counter_id,
      serviceIds: JSON.parse(r.service_ids) as string[],
    }));
    const demands = st.demandsAt.all(branchId, start) as { id: string; serviceId: string }[];
    const serving = new Set(
      places.filter((p) => !serviceId || p.serviceIds.includes(serviceId)).map((p) => p.key),
    );
    const spare = spareKeys(places, demands)
      .filter((k) => serving.has(k))
      .slice(0, count);
    for (const id of spare) st.drop.run(branchId, start, id);
    if (spare.length > 0) given.set(start, [...(given.get(start) ?? []), ...spare]);
  }

  for (const w of wanted)
    if (Date.parse(w.start) >= Date.parse(leadEnd)) give(w.start, w.count, w.serviceId);
  const soon = st.startsBetween.all(branchId, now.toISOString(), leadEnd) as { start: string }[];
  for (const { start } of soon) give(start, Number.MAX_SAFE_INTEGER);
  return [...given].map(([start, counterIds]) => ({ start, counterIds }));
}
