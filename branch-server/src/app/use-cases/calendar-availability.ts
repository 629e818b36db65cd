import type {
  BookingSide,
  CalendarPlan,
  SlotAvailability,
  SlotsQuery,
} from '@skr/protocol/calendar';
import { bookableNow, dayAvailability, daysBetween } from '../../domain/calendar';
import type { CalendarStore } from './calendar-store';

// A month of availability is asked for on every kiosk and desk booking screen, yet changes only
// when a booking, a cancellation, a ledger move or a plan change writes a day. So each local
// day's answer per (service, side) is kept with the version of the day it was computed from and
// recomputed when the store reports a write to that day; a booking recomputes one day, not 30.
// The cache only answers "which slots to offer": the booking decision still reads the day's
// visits inside its own transaction, so a stale answer could at worst offer a place the
// decision then refuses as full — and it is never stale, since every write bumps the version.

/** Entries kept at most; 62 days × a dozen services × 2 sides fit many times over. */
const MAX_ENTRIES = 5_000;

/** Availability from per-day memory, exact against the store's versions. */
export function availabilityCache(store: CalendarStore) {
  const kept = new Map<string, { version: string; slots: SlotAvailability[] }>();
  let computedDays = 0;
  return {
    /** The slots of `q` the side can book now, as `availability` would compute them. */
    slots(
      plan: CalendarPlan,
      zone: string,
      q: SlotsQuery & { side: BookingSide },
      now: Date,
    ): SlotAvailability[] {
      const out: SlotAvailability[] = [];
      for (const { day } of daysBetween(q.from, q.to)) {
        const key = `${zone}|${day}|${q.side}|${q.serviceId}`;
        const version = store.version(day);
        let entry = kept.get(key);
        if (entry?.version !== version) {
          const view = { plan, zone, ledger: store.ledger(day, day) };
          entry = { version, slots: dayAvailability(view, store.visitsOn(day), day, q) };
          computedDays += 1;
          // Inside an open transaction the rows read may still roll back: answer, do not keep.
          if (!store.inTransaction()) {
            if (kept.size >= MAX_ENTRIES) kept.clear();
            kept.set(key, entry);
          }
        }
        out.push(...entry.slots);
      }
      return bookableNow(out, { plan }, now);
    },
    /** How many days were computed rather than read from memory (tests and the bench). */
    computedDays: (): number => computedDays,
  };
}
/** The per-day availability memory. */
export type AvailabilityCache = ReturnType<typeof availabilityCache>;
