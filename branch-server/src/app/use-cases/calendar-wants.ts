import type { PortalGive, PortalWant } from '@skr/protocol/calendar';
import { localDay } from '@skr/protocol/time-zone';
import { decideTransferFor, slotAt } from '../../domain/calendar';
import type { Db } from '../../store';
import { calendarStore } from './calendar-store';

// Places back from the portal (escrow, docs/bookings.md). The branch may not take a place the
// portal holds: it asks. A `full` refusal at the branch in a slot where the portal holds a place
// for the service that the portal's visits (known from the booking pull) do not need becomes a
// want; the next publication carries the wants; the portal gives what it can spare, removing
// the places from its share before it answers; the branch starts using them when the answer
// (the publication's receipt) arrives and records them in its ledger.

/** The branch's wants of portal places and the places the portal gave back. */
export function calendarWants(db: Db, timeZone: () => string) {
  const store = calendarStore(db);
  const add = db.prepare(
    `INSERT INTO calendar_wants (start, service_id, count) VALUES (?, ?, 1)
     ON CONFLICT (start, service_id) DO UPDATE SET count = count + 1`,
  );
  const list = db.prepare(
    `SELECT start, service_id AS serviceId, count FROM calendar_wants WHERE start > ? ORDER BY start`,
  );
  const drop = db.prepare(`DELETE FROM calendar_wants WHERE start = ? AND service_id = ?`);
  const dropPast = db.prepare(`DELETE FROM calendar_wants WHERE start <= ?`);

  return {
    /**
     * After the branch refused a booking of `serviceId` at `start` as full: records a want when
     * the portal holds a place for it that its visits do not need. True when recorded.
     */
    noteFull(start: string, serviceId: string): boolean {
      const plan = store.plan();
      if (!plan) return false;
      const zone = timeZone();
      const day = localDay(start, zone);
      const slot = slotAt({ plan, zone, ledger: store.ledger(day, day) }, start);
      if (!slot) return false;
      const spare = decideTransferFor(slot, store.visitsOn(day), 'portal', serviceId, 1);
      if (spare.counterIds.length === 0) return false;
      add.run(start, serviceId);
      return true;
    },

    /** The wants of slots not yet started (older ones are dropped: nobody can book them). */
    pending(now: Date): PortalWant[] {
      dropPast.run(now.toISOString());
      return list.all(now.toISOString()) as PortalWant[];
    },

    /**
     * The portal answered a publication that carried `sent`: those wants are settled (the
     * portal gave what it could spare), and the places it gave become the branch's. Only places
     * the branch's ledger still gives the portal are taken; in a slot within the lead time,
     * which nobody may book any more, they become walk-in places. Returns how many moved.
     */
    answered(sent: readonly PortalWant[], given: readonly PortalGive[], now: Date): number {
      const zone = timeZone();
      const plan = store.plan();
      return db.transaction(() => {
        for (const w of sent) drop.run(w.start, w.serviceId);
        let moved = 0;
        for (const g of given) {
          const day = localDay(g.start, zone);
          const slot = plan && slotAt({ plan, zone, ledger: store.ledger(day, day) }, g.start);
          const portal = new Set(
            slot?.units.filter((u) => u.owner === 'portal').map((u) => u.counterId),
          );
          const soon =
            plan !== null &&
            Date.parse(g.start) - now.getTime() < plan.rules.minLeadMinutes * 60_000;
          for (const id of g.counterIds) {
            if (!portal.has(id)) continue;
            store.saveLedger(g.start, id, soon ? 'walk-in' : 'branch', day);
            moved += 1;
          }
        }
        return moved;
      })();
    },
  };
}
/** The branch's wants of portal places. */
export type CalendarWants = ReturnType<typeof calendarWants>;
