// A booked client past the late-arrival window (issue 14): the check-in is refused with an offer
// instead of a silent walk-in ticket — a ticket to the line now (its estimated wait) or the
// nearest free slot today. The ticket carries the visit's code and checks the visit in (the
// client came: no no-show); with a new slot the missed visit stays booked, so the end of the day
// records it as a no-show and reports it to the portal like every visit nobody came to.
import { z } from 'zod';
import { SlotAvailability, VisitSummary } from './calendar';
import type { Lang } from './domain';
import { BookingCode } from './http';
import { Pesel } from './pesel';

/** What a late check-in's 409 carries in `details` (reason `late`): the two ways on. */
export const LateArrivalDetails = z.object({
  reason: z.literal('late'),
  serviceId: z.string(),
  /** The missed visit's booked time. */
  bookedFor: z.iso.datetime(),
  /** Minutes after the booked time the check-in stayed open (the branch's setting). */
  lateArrivalMinutes: z.number().int().min(0),
  /** A walk-in ticket of the service now, or null when it takes no walk-ins now (hours, cut-off). */
  walkIn: z.object({ estimatedWaitMinutes: z.number().int().min(0) }).nullable(),
  /** The nearest slot today the branch can still book for the service, or null. */
  slot: SlotAvailability.nullable(),
});
/** The late refusal's details. */
export type LateArrivalDetails = z.infer<typeof LateArrivalDetails>;

/**
 * Books the late client at a slot today: the missed visit is named by its code, or found by the
 * ID card's PESEL (hashed with the branch key, never stored or echoed), as at check-in.
 */
export const LateArrivalBookRequest = z
  .object({
    bookingCode: BookingCode.optional(),
    bookingPesel: Pesel.optional(),
    start: z.iso.datetime(),
  })
  .refine((r) => (r.bookingCode === undefined) !== (r.bookingPesel === undefined), {
    message: 'give exactly one of bookingCode or bookingPesel',
  });
/** The late client's booking request. */
export type LateArrivalBookRequest = z.infer<typeof LateArrivalBookRequest>;

/** The new visit (a new code for the slip); the missed one stays recorded as missed. */
export const LateArrivalBookResponse = z.object({ visit: VisitSummary });
/** The late booking's answer. */
export type LateArrivalBookResponse = z.infer<typeof LateArrivalBookResponse>;

/** The refusal in each language, for logs and clients without a catalogue of their own. */
export const lateArrivalMessages: Readonly<Record<Lang, string>> = {
  pl: 'Minął czas na potwierdzenie tej wizyty (do {n} min po jej godzinie)',
  en: 'The time to check in for this visit has passed (up to {n} min after its time)',
  uk: 'Час підтвердити цей візит минув (до {n} хв після його часу)',
};
