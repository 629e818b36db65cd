import { z } from 'zod';
import { Pesel } from './pesel';
import { isCalendarDay } from './time-zone';

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

/** The manager's calendar plan: weekly blocks, exceptions, shares and the booking rules. */
export const CalendarPlan = z.object({
  blocks: z.array(PlanBlock),
  exceptions: z.array(CalendarException).default([]),
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

/** Why a booking was refused (details.reason of a CONFLICT). */
export const BookingRefusal = z.enum([
  'full',
  'too-late',
  'daily-limit',
  'gap',
  'closed',
  'past',
  'stranded',
]);
/** A refusal reason. */
export type BookingRefusal = z.infer<typeof BookingRefusal>;

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
