import type {
  BookingChannel,
  DaySlot,
  PublicHolidayId,
  VisitOwnerProof,
  VisitSummary,
} from '@skr/protocol/calendar';
import { isRefusal } from '../../domain';
import { changeableVisit, planHolidayOn } from '../../domain/calendar';
import { dayOverview } from '../../domain/calendar/day-overview';
import { visitSummary } from './calendar-booking';
import { calendarStore } from './calendar-store';
import type { UseCaseContext } from './context';

// Reads of the calendar for people: the manager's day view and the visit a client (or the clerk
// for them) looks up before cancelling or moving it. No writes, so no unit of work.

/** The calendar's read use cases. */
export function calendarViews(ctx: UseCaseContext) {
  const store = calendarStore(ctx.db);
  const zone = () => ctx.state.settings.timeZone;
  return {
    /** Every slot of a local day with booked visits against capacity (empty without a plan). */
    day(day: string): DaySlot[] {
      const plan = store.plan();
      if (!plan) return [];
      return dayOverview(
        { plan, zone: zone(), ledger: store.ledger(day, day) },
        store.visitsOn(day),
        day,
      );
    },

    /** The statutory holiday that closes `day` under the saved plan (none without a plan). */
    publicHolidayOn(day: string): PublicHolidayId | null {
      const plan = store.plan();
      return plan ? planHolidayOn(plan, day) : null;
    },

    /**
     * The booked visit `code` as its change would see it: INVALID without a PESEL (kiosk, desk),
     * NOT_FOUND for an unknown code or another person's alike, CONFLICT portal-visit online.
     */
    find(code: string, proof: VisitOwnerProof, channel: BookingChannel): VisitSummary {
      const upper = code.toUpperCase();
      const v = store.visit(upper);
      const found = changeableVisit(v ? [v] : [], upper, {
        channel,
        personKey: proof.pesel === undefined ? undefined : ctx.hashPesel(proof.pesel),
      });
      if (isRefusal(found)) throw found;
      return visitSummary(found, zone());
    },
  };
}
/** The calendar's read use cases. */
export type CalendarViews = ReturnType<typeof calendarViews>;
