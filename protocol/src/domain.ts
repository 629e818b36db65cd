import { z } from 'zod';
import { CounterLabel, CounterNumber } from './counter-identity';

/** Languages of every user-facing text: Polish first, then English and Ukrainian. */
export const Lang = z.enum(['pl', 'en', 'uk']);
export type Lang = z.infer<typeof Lang>;

/** A text in each of the three languages. */
export const Localized = z.object({
  pl: z.string().min(1),
  en: z.string().min(1),
  uk: z.string().min(1),
});
export type Localized = z.infer<typeof Localized>;

/** Grounds for priority service (ustawowe pierwszeństwo obsługi). */
export const PriorityReason = z.enum([
  'pregnancy',
  'disability',
  'child-under-3',
  'senior',
  'veteran',
]);
export type PriorityReason = z.infer<typeof PriorityReason>;

/** A service's id ("emerytury"): what API paths, tickets, skills and bookings name it by. */
export const ServiceId = z.string().min(1).max(40);

/** A service (rodzaj sprawy) clients queue for. */
export const Service = z.object({
  id: ServiceId,
  prefix: z.string().regex(/^[A-Z]$/),
  names: Localized,
  descriptions: Localized.optional(),
  group: z.string(),
  order: z.number().int(),
  targetWaitMinutes: z.number().int().positive(),
  active: z.boolean(),
});
export type Service = z.infer<typeof Service>;

/** Counter (stanowisko) state as seen by the queue. */
export const CounterState = z.enum(['closed', 'open', 'paused']);
export type CounterState = z.infer<typeof CounterState>;

/** A counter with its skills: service id → weight (higher is served sooner; absent = not served). */
export const Counter = z.object({
  /** Internal key (database, API paths, ticket.counterId); never shown to clients. */
  id: z.number().int().positive(),
  /** The public number, unique in the branch: what voice, boards, screens, desk and slip use. */
  number: CounterNumber,
  /** Optional short sign shown and spoken instead of the number ("T9"). */
  label: CounterLabel.nullable(),
  name: z.string(),
  skills: z.record(z.string(), z.number().positive()),
  state: CounterState,
  pauseReason: z.string().nullable(),
  clerk: z.string().nullable(),
});
export type Counter = z.infer<typeof Counter>;

/** Life-cycle of a ticket. */
export const TicketState = z.enum([
  'waiting',
  'called',
  'serving',
  'done',
  'no-show',
  'parked',
  'cancelled',
  // Left waiting, called or parked when the branch day ended (never served, not the client's fault).
  'expired',
]);
export type TicketState = z.infer<typeof TicketState>;

/** A queue ticket as the branch stores and publishes it (no personal data). */
export const Ticket = z.object({
  id: z.string(),
  number: z.string(),
  serviceId: z.string(),
  day: z.string(),
  state: TicketState,
  priority: PriorityReason.nullable(),
  bookingCode: z.string().nullable(),
  bookedFor: z.string().nullable(),
  lang: Lang,
  issuedAt: z.string(),
  /** Position key in the line (ISO instant); front-of-line moves set it earlier. */
  lineAt: z.string(),
  /** Only this counter may call the ticket (a transfer to a counter). */
  targetCounterId: z.number().int().nullable(),
  counterId: z.number().int().nullable(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  recalls: z.number().int(),
  transfers: z.number().int(),
});
export type Ticket = z.infer<typeof Ticket>;

/** Branch-wide rules of the queue. */
export const QueueSettings = z.object({
  /** Recalls after the first call before a ticket may be marked no-show automatically. */
  maxRecalls: z.number().int().min(0).max(10),
  /** Minutes a booked client may come late and still keep the booked place. */
  lateArrivalMinutes: z.number().int().min(0).max(120),
  /** Minutes before the booked time a check-in is accepted. */
  earlyArrivalMinutes: z.number().int().min(0).max(240),
  /** Regular calls per priority call when both wait (2 → 2 regular : 1 priority). */
  regularPerPriority: z.number().int().min(0).max(20),
  /** Hard bound: a ticket waiting this long beyond its target is called first. */
  starvationFactor: z.number().min(1).max(10),
  /**
   * The day's hard limit in minutes: a ticket that has waited this long goes before everything,
   * booked visits due included. Lower keeps the longest wait down, higher keeps more bookings on
   * time when the day is past capacity (issue 14: 35 → busy day booked 0.80, longest 54.9 min;
   * 70 → 0.98, 69.2 min). Absent in a request: 35.
   */
  hardWaitMinutes: z.number().int().min(15).max(240).default(35),
  timeZone: z.string(),
});
export type QueueSettings = z.infer<typeof QueueSettings>;

export const defaultQueueSettings: QueueSettings = {
  maxRecalls: 2,
  lateArrivalMinutes: 15,
  earlyArrivalMinutes: 60,
  regularPerPriority: 2,
  starvationFactor: 2,
  hardWaitMinutes: 35,
  timeZone: 'Europe/Warsaw',
};
