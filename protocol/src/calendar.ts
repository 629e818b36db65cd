import { z } from 'zod';
import { Pesel } from './pesel';
import { isCalendarDay } from './time-zone';

export * from './booking-refusal';

// The branch calendar for booked visits (issue 14): the manager's weekly plan and exceptions,
// the booking rules as configuration, and the slots and visits computed from them. The branch
// computes slots in its own zone (QueueSettings.timeZone); instants cross the wire as ISO text.

const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
const Day = z.string().refine(isCalendarDay, 'expected a real day YYYY-MM-DD');

/** ZUS's published booking parameters; "handled by the system and may change", so configurable. */
export const BookingRules = z.object({
  /** Length of one visit and of one slot. */
  visitMinutes: z.number().int().min(5).max(240).default(30),
  /** A visit can be booked at the latest this long before it starts. */
  minLeadMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  /** At most this many ordinary visits a day per person. */
  maxVisitsPerDay: z.number().int().min(1).max(20).default(3),
  /** Minutes that must pass between the end of one visit of a person and the next that day. */
  minGapMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(30),
  /** How far ahead a visit can be booked. */
  horizonDays: z.number().int().min(1).max(366).default(60),
});
/** Booking parameters. */
export type BookingRules = z.infer<typeof BookingRules>;

/** One line of the weekly plan: a counter serves booked visits of these services at these hours. */
export const PlanBlock = z
  .object({
    /** ISO weekday, 1 = Monday … 7 = Sunday. */
    weekday: z.number().int().min(1).max(7),
    from: Hhmm,
    to: Hhmm,
    counterId: z.string().min(1),
    serviceIds: z.array(z.string().min(1)).min(1),
  })
  .refine((b) => b.from < b.to, { message: 'a block must end after it starts', path: ['to'] });
/** A line of the weekly plan. */
export type PlanBlock = z.infer<typeof PlanBlock>;

/** A day off for the whole branch, or one counter closed for a day. */
export const CalendarException = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('holiday'), day: Day, note: z.string().max(200).optional() }),
  z.object({
    kind: z.literal('counter-closed'),
    day: Day,
    counterId: z.string().min(1),
    note: z.string().max(200).optional(),
  }),
]);
/** An exception to the weekly plan. */
export type CalendarException = z.infer<typeof CalendarException>;

/** Poland's statutory days off (Ustawa o dniach wolnych od pracy), named in the manager's views. */
export const PublicHolidayId = z.enum([
  'new-year',
  'epiphany',
  'easter-sunday',
  'easter-monday',
  'labour-day',
  'constitution-day',
  'pentecost',
  'corpus-christi',
  'assumption',
  'all-saints',
  'independence-day',
  'christmas-eve',
  'christmas',
  'second-day-of-christmas',
]);
/** A statutory holiday. */
export type PublicHolidayId = z.infer<typeof PublicHolidayId>;

/** The manager's calendar plan: weekly blocks, exceptions, shares and the booking rules. */
export const CalendarPlan = z.object({
  blocks: z.array(PlanBlock),
  exceptions: z.array(CalendarException).default([]),
  /**
   * `pl` (or absent): no visits on Poland's statutory holidays (a ZUS branch is closed by law).
   * `none` is for training and test branches whose clock runs on any day of the year.
   */
  publicHolidays: z.enum(['pl', 'none']).optional(),
  /** Percent of each slot's counters kept for walk-ins (rounded to whole counters). */
  walkInSharePercent: z.number().int().min(0).max(100).default(30),
  /** Percent of the bookable counters escrowed to the central portal (rounded). */
  portalSharePercent: z.number().int().min(0).max(100).default(50),
  rules: BookingRules.default(BookingRules.parse({})),
});
/** The calendar plan. */
export type CalendarPlan = z.infer<typeof CalendarPlan>;

/** Who holds a counter's place in a slot: kept for walk-ins, or bookable at the branch or portal. */
export const UnitOwner = z.enum(['walk-in', 'branch', 'portal']);
/** The holder of a place. */
export type UnitOwner = z.infer<typeof UnitOwner>;

/** The two sides that book: each books only into the places it holds (escrow). */
export const BookingSide = z.enum(['branch', 'portal']);
/** A booking side. */
export type BookingSide = z.infer<typeof BookingSide>;

/** Where a booking was made. */
export const BookingChannel = z.enum(['portal', 'kiosk', 'desk', 'manager']);
/** A booking channel. */
export type BookingChannel = z.infer<typeof BookingChannel>;

/** One counter's place in one slot and the services it can take. */
export const SlotUnit = z.object({
  counterId: z.string(),
  serviceIds: z.array(z.string()),
  owner: UnitOwner,
});
/** A place in a slot. */
export type SlotUnit = z.infer<typeof SlotUnit>;

/** A bookable slot: start and end instants, its local day and time, and its places. */
export const Slot = z.object({
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  day: Day,
  time: Hhmm,
  units: z.array(SlotUnit),
});
/** A slot. */
export type Slot = z.infer<typeof Slot>;

/** A booked visit as the calendar sees it; `personKey` is a keyed hash, never a PESEL. */
export const CalendarVisit = z.object({
  code: z.string().min(1),
  personKey: z.string().min(1),
  serviceId: z.string().min(1),
  start: z.iso.datetime(),
  side: BookingSide,
  channel: BookingChannel,
  status: z.enum(['booked', 'cancelled']),
  bookedAt: z.iso.datetime(),
});
/** A visit. */
export type CalendarVisit = z.infer<typeof CalendarVisit>;

/** Free places per slot for one service, as one side can book them now. */
export const SlotAvailability = z.object({
  start: z.iso.datetime(),
  day: Day,
  time: Hhmm,
  serviceId: z.string(),
  /** Places for this service in the slot when nothing is booked (walk-in share excluded). */
  capacity: z.number().int().min(0),
  /** Places this side can still book for this service. */
  free: z.number().int().min(0),
});
/** Availability of one slot for one service. */
export type SlotAvailability = z.infer<typeof SlotAvailability>;

/** The manager's plan as stored (null until one is saved). */
export const CalendarPlanResponse = z.object({ plan: CalendarPlan.nullable() });
/** The plan answer. */
export type CalendarPlanResponse = z.infer<typeof CalendarPlanResponse>;

/** Replacing the plan; visits it would strand refuse it unless `acceptStranded`. */
export const PutCalendarPlanRequest = z.object({
  plan: CalendarPlan,
  acceptStranded: z.boolean().default(false),
});
/** A plan replacement. */
export type PutCalendarPlanRequest = z.infer<typeof PutCalendarPlanRequest>;

/** A visit as shown to staff and on the slip: no person data. */
export const VisitSummary = z.object({
  code: z.string(),
  serviceId: z.string(),
  start: z.iso.datetime(),
  day: z.string(),
  time: z.string(),
  channel: BookingChannel,
  status: z.enum(['booked', 'cancelled']),
});
/** A visit summary. */
export type VisitSummary = z.infer<typeof VisitSummary>;

/** The saved plan and the visits it stranded (accepted by the manager). */
export const PutCalendarPlanResponse = z.object({
  plan: CalendarPlan,
  stranded: z.array(VisitSummary),
});
/** The plan replacement's answer. */
export type PutCalendarPlanResponse = z.infer<typeof PutCalendarPlanResponse>;

/** Which slots to list: one service over local days `from`..`to` (at most 62 days). */
export const SlotsQuery = z
  .object({ serviceId: z.string().min(1), from: Day, to: Day })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 62, {
    message: 'at most 62 days at once',
    path: ['to'],
  });
/** A slots query. */
export type SlotsQuery = z.infer<typeof SlotsQuery>;

/** Free slots as the branch (kiosk, desk, manager) can book them. */
export const SlotsResponse = z.object({ slots: z.array(SlotAvailability) });
/** The slots answer. */
export type SlotsResponse = z.infer<typeof SlotsResponse>;

/** A booking at the kiosk, desk or by the manager: the client's PESEL is validated fully. */
export const BookVisitRequest = z.object({
  serviceId: z.string().min(1),
  start: z.iso.datetime(),
  /** Hashed with the branch key before anything is stored; never logged nor echoed. */
  pesel: Pesel,
});
/** A branch booking request. */
export type BookVisitRequest = z.infer<typeof BookVisitRequest>;

/** The booked visit, for the confirmation and the slip. */
export const BookVisitResponse = z.object({ visit: VisitSummary });
/** The booking answer. */
export type BookVisitResponse = z.infer<typeof BookVisitResponse>;

/**
 * Identifies a visit to cancel or move: the kiosk and the desk must give the client's PESEL
 * with the code (the code alone is printed on a slip anyone may find); the manager may omit it.
 */
export const VisitOwnerProof = z.object({
  /** Compared as the branch's keyed hash; never stored, logged nor echoed. */
  pesel: Pesel.optional(),
});
/** The PESEL proof of a cancel or rebook. */
export type VisitOwnerProof = z.infer<typeof VisitOwnerProof>;

/** The visit code in a path: 8 characters of the code alphabet (case-insensitive). */
export const VisitCodeParams = z.object({ code: z.string().regex(/^[A-Za-z0-9]{6,12}$/) });
/** A visit code in the path. */
export type VisitCodeParams = z.infer<typeof VisitCodeParams>;

/** Cancelling a booked visit. */
export const CancelVisitRequest = VisitOwnerProof;
/** A cancellation request. */
export type CancelVisitRequest = z.infer<typeof CancelVisitRequest>;

/** The cancelled visit. */
export const CancelVisitResponse = z.object({ visit: VisitSummary });
/** The cancellation answer. */
export type CancelVisitResponse = z.infer<typeof CancelVisitResponse>;

/** Moving a booked visit to another slot (and optionally another service) in one step. */
export const RebookVisitRequest = VisitOwnerProof.extend({
  start: z.iso.datetime(),
  serviceId: z.string().min(1).optional(),
});
/** A rebooking request. */
export type RebookVisitRequest = z.infer<typeof RebookVisitRequest>;

/** The old visit (cancelled) and the new one (its new code goes on the new slip). */
export const RebookVisitResponse = z.object({ cancelled: VisitSummary, visit: VisitSummary });
/** The rebooking answer. */
export type RebookVisitResponse = z.infer<typeof RebookVisitResponse>;

/** Finding a visit to show before cancelling or moving it: the same PESEL proof as a change. */
export const FindVisitRequest = VisitOwnerProof;
/** A visit look-up request. */
export type FindVisitRequest = z.infer<typeof FindVisitRequest>;

/** The visit found (booked, on the branch's share). */
export const FindVisitResponse = z.object({ visit: VisitSummary });
/** The look-up answer. */
export type FindVisitResponse = z.infer<typeof FindVisitResponse>;

/** Which local day the manager's day view shows. */
export const CalendarDayQuery = z.object({ day: Day });
/** A day view query. */
export type CalendarDayQuery = z.infer<typeof CalendarDayQuery>;

/** One service in one slot of the day view: its places and the visits booked (both sides). */
export const DayServiceLoad = z.object({
  serviceId: z.string(),
  /** Places for this service when nothing is booked (walk-in share excluded). */
  capacity: z.number().int().min(0),
  booked: z.number().int().min(0),
});
/** A service's load in a slot. */
export type DayServiceLoad = z.infer<typeof DayServiceLoad>;

/** One slot of the manager's day view: counters by holder and each service's load. */
export const DaySlot = z.object({
  start: z.iso.datetime(),
  time: Hhmm,
  walkIn: z.number().int().min(0),
  branch: z.number().int().min(0),
  portal: z.number().int().min(0),
  services: z.array(DayServiceLoad),
});
/** A slot of the day view. */
export type DaySlot = z.infer<typeof DaySlot>;

/** The manager's day view: every slot of the day (past ones too), booked against capacity. */
export const CalendarDayResponse = z.object({
  day: Day,
  slots: z.array(DaySlot),
  /** The statutory holiday that closes the day (no slots), or null. */
  publicHoliday: PublicHolidayId.nullable(),
});
/** The day view answer. */
export type CalendarDayResponse = z.infer<typeof CalendarDayResponse>;

/** A place the portal holds in a slot: one counter, the services it takes. */
export const PortalPlace = z.object({ counterId: z.string(), serviceIds: z.array(z.string()) });
/** A portal place. */
export type PortalPlace = z.infer<typeof PortalPlace>;

/** A slot as the portal books it: only the places escrowed to the portal. */
export const PortalSlot = z.object({
  start: z.iso.datetime(),
  day: Day,
  time: Hhmm,
  places: z.array(PortalPlace),
});
/** A portal slot. */
export type PortalSlot = z.infer<typeof PortalSlot>;

/**
 * A slot where one side ran out of places for a service and the other holds some: it asks the
 * holder for more (the portal in its receipt, the branch in its publication).
 */
export const PortalWant = z.object({
  start: z.iso.datetime(),
  serviceId: z.string(),
  count: z.number().int().min(1),
});
/** A request for places. */
export type PortalWant = z.infer<typeof PortalWant>;

/**
 * The branch's calendar as published to the portal: the portal's share of every slot of the
 * local days `from`..`to` (replacing what the portal had for those days) and the rules. A
 * `version` not above the last one applied is ignored, so a late duplicate changes nothing.
 */
export const PortalCalendar = z.object({
  version: z.number().int().min(1),
  from: Day,
  to: Day,
  rules: BookingRules,
  slots: z.array(PortalSlot).max(20_000),
  /** Slots where the branch refused a booking as full while the portal held unused places. */
  wanted: z.array(PortalWant).max(20_000).optional(),
});
/** A published calendar. */
export type PortalCalendar = z.infer<typeof PortalCalendar>;

/** Places of one slot the portal gives back to the branch. */
export const PortalGive = z.object({
  start: z.iso.datetime(),
  counterIds: z.array(z.string()).min(1),
});
/** A give-back. */
export type PortalGive = z.infer<typeof PortalGive>;

/** The portal's answer to a publication: applied or stale, and the places it would like. */
export const PortalCalendarReceipt = z.object({
  version: z.number().int(),
  applied: z.boolean(),
  wanted: z.array(PortalWant),
  /**
   * Places the portal gave back (it removed them from its share before answering): to the
   * branch's wants, and its unused places in slots within the lead time (walk-in capacity).
   */
  given: z.array(PortalGive).default([]),
});
/** The publication receipt. */
export type PortalCalendarReceipt = z.infer<typeof PortalCalendarReceipt>;

export * from './calendar-matching';
