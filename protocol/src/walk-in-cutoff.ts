// Walk-ins when the day is full (issue 14): per service, when the current walk-in line would be
// served; past the service's closing time, or with the day's walk-in pool used up, the kiosk
// issues no more tickets for it and offers the nearest bookable slot. The manager sees the
// cut-off and may open the service again for today (audited). Once the branch day has been
// ended (the scheduled close or the manager's "end the day now"), walk-ins stop until a counter
// opens again: nobody would call them.
import { z } from 'zod';
import { SlotAvailability } from './calendar';

/** Why walk-ins of a service stop today. */
export const WalkInCutoffReason = z
  .enum(['closing', 'pool', 'ended'])
  .describe(
    "closing: the line would outlast the service's hours; pool: the day's walk-in pool is used up; ended: the branch day was ended today and no counter is open",
  );
/** Why walk-ins stop. */
export type WalkInCutoffReason = z.infer<typeof WalkInCutoffReason>;

/** One service's walk-in cut-off now. */
export const WalkInCutoff = z.object({
  serviceId: z.string(),
  /** When a walk-in taking a ticket now would likely be called (the wait estimate). */
  predictedServedAt: z.iso.datetime(),
  /** When the service stops taking walk-ins today, or null (no hours, or closed today). */
  closesAt: z.iso.datetime().nullable(),
  /** Walk-in tickets of the service issued today. */
  walkInsToday: z.number().int().min(0),
  /** The day's walk-in pool, or null for none. */
  dailyPool: z.number().int().min(0).nullable(),
  /** What would stop walk-ins (even when the manager reopened them), or null. */
  reason: WalkInCutoffReason.nullable(),
  /** The manager opened the service again for today. */
  reopened: z.boolean(),
  /** True when the kiosk refuses walk-in tickets of the service now. */
  cut: z.boolean(),
});
/** A service's cut-off. */
export type WalkInCutoff = z.infer<typeof WalkInCutoff>;

/** Every active service's cut-off (the manager's monitor). */
export const WalkInCutoffList = z.object({ day: z.string(), services: z.array(WalkInCutoff) });
/** The cut-off list. */
export type WalkInCutoffList = z.infer<typeof WalkInCutoffList>;

/** The manager opens a cut-off service again for today (`open: false` withdraws it). */
export const ReopenWalkInsRequest = z.object({ open: z.boolean().default(true) });
/** The reopen request. */
export type ReopenWalkInsRequest = z.infer<typeof ReopenWalkInsRequest>;

/** The daily walk-in pool of a service; null removes it. */
export const WalkInPoolRequest = z.object({ dailyPool: z.number().int().min(0).nullable() });
/** The pool request. */
export type WalkInPoolRequest = z.infer<typeof WalkInPoolRequest>;

/** What a refused walk-in carries in `details` (reason `walk-in-cutoff`): the slot to offer. */
export const WalkInCutoffDetails = z.object({
  reason: z.literal('walk-in-cutoff'),
  serviceId: z.string(),
  cutoff: WalkInCutoffReason,
  /** The nearest slot the branch can still book for the service (14 days), or null. */
  nextSlot: SlotAvailability.nullable(),
});
/** The refusal's details. */
export type WalkInCutoffDetails = z.infer<typeof WalkInCutoffDetails>;

/** The refusal in each language, for logs, the branch's message and clients without a catalogue. */
const walkInCutoffMessages = {
  pl: 'Na dziś brak miejsc w kolejce do tej sprawy',
  en: 'No more places in the queue for this service today',
  uk: 'На сьогодні немає місць у черзі для цієї справи',
} as const;

/** The refusal once the branch day has been ended (cut-off reason `ended`). */
const dayEndedMessages = {
  pl: 'Oddział zakończył już dziś obsługę klientów',
  en: 'The branch has finished serving clients for today',
  uk: 'Відділення вже завершило обслуговування клієнтів на сьогодні',
} as const;

/** A refused walk-in's message for its cut-off reason, in `lang`. */
export function walkInRefusalMessage(
  cutoff: WalkInCutoffReason,
  lang: keyof typeof walkInCutoffMessages,
): string {
  return (cutoff === 'ended' ? dayEndedMessages : walkInCutoffMessages)[lang];
}
