// Profile confirmation at the counter (issue 16): someone who registered a PUE profile online
// without a trusted profile has it confirmed by a ZUS employee against an identity document
// within 7 days of registering. The contracts between the clerk desk, the branch and the portal,
// and the 7-day rule, which the branch and the portal both apply, live here once.
import { z } from 'zod';
import { Pesel } from './pesel';
import { PueInstant, PueIsoDate } from './pue';
import { localDay } from './time-zone';

/** Days after the day of registering during which the profile can be confirmed. */
export const CONFIRMATION_DAYS = 7;

/** `day` ("YYYY-MM-DD") plus `n` calendar days. */
function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (both "YYYY-MM-DD"); negative when `to` is earlier. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The last local day (in `zone`) on which a registration made at `registeredAt` can still be
 * confirmed: the day of registering plus 7. Counted in calendar days of the zone, so the rule
 * does not shift by an hour at a DST change nor by the zone's offset from UTC.
 */
export function confirmationLastDay(registeredAt: string | Date, zone: string): string {
  return addDays(localDay(registeredAt, zone), CONFIRMATION_DAYS);
}

/** Days left to confirm at `now` in `zone`: 0 on the last day, negative once it is too late. */
export function daysLeftToConfirm(registeredAt: string | Date, now: Date, zone: string): number {
  return daysBetween(localDay(now, zone), confirmationLastDay(registeredAt, zone));
}

/** The identity documents a clerk accepts: ID card, passport, residence card. */
export const IdDocumentType = z.enum(['dowod-osobisty', 'paszport', 'karta-pobytu']);
export type IdDocumentType = z.infer<typeof IdDocumentType>;

/** A registration's state at the portal (`expired`: pending past its last day). */
export const PueRegistrationStatus = z.enum(['pending', 'confirmed', 'refused', 'expired']);
export type PueRegistrationStatus = z.infer<typeof PueRegistrationStatus>;

/** A login name as the portal spells it. */
const Login = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'login: 3–40 letters, digits, dots, dashes');

/** Find a registration by PESEL or login (exactly one), or by the portal's id. */
export const RegistrationLookup = z
  .union([
    z.object({ pesel: Pesel }).strict(),
    z.object({ login: Login }).strict(),
    z.object({ registrationId: z.string().min(1).max(64) }).strict(),
  ])
  .describe('exactly one of pesel, login, registrationId');
export type RegistrationLookup = z.infer<typeof RegistrationLookup>;

/** An online registration waiting for (or past) confirmation, as the portal answers it. */
export const PueRegistration = z.object({
  registrationId: z.string(),
  login: z.string(),
  pesel: z.string().regex(/^\d{11}$/),
  firstName: z.string(),
  lastName: z.string(),
  registeredAt: PueInstant,
  status: PueRegistrationStatus,
  decidedAt: PueInstant.nullable(),
  reason: z.string().nullable().describe('why it was refused'),
});
export type PueRegistration = z.infer<typeof PueRegistration>;

/** The document as the portal keeps it: type and masked number only. */
export const PueCheckedDocument = z.object({
  type: IdDocumentType,
  maskedNumber: z.string().min(1).max(20),
  validUntil: PueIsoDate.nullable(),
});
export type PueCheckedDocument = z.infer<typeof PueCheckedDocument>;

/** POST /v1/branches/{branchId}/registrations/decisions: the clerk's decision, from the outbox. */
export const PueRegistrationDecision = z.object({
  registrationId: z.string().min(1).max(64),
  decision: z.enum(['confirm', 'refuse']),
  decidedAt: PueInstant.describe('when the clerk decided; the 7-day rule is judged at this time'),
  document: PueCheckedDocument.nullable(),
  reason: z.string().trim().min(3).max(300).nullable(),
});
export type PueRegistrationDecision = z.infer<typeof PueRegistrationDecision>;

/** The portal's receipt of a decision; the same key answers the same receipt. */
export const PueRegistrationDecisionReceipt = z.object({
  registrationId: z.string(),
  status: z.enum(['confirmed', 'refused']),
  profileId: z.string().nullable().describe('the activated profile (confirmations)'),
  idempotencyKey: z.string(),
  receivedAt: PueInstant,
});
export type PueRegistrationDecisionReceipt = z.infer<typeof PueRegistrationDecisionReceipt>;

// ---- clerk desk ↔ branch ----

/** The document the client shows at the counter. */
export const IdDocument = z.object({
  type: IdDocumentType,
  number: z.string().trim().toUpperCase().min(1).max(20),
  validUntil: PueIsoDate.describe('date printed on the document; not before today'),
});
export type IdDocument = z.infer<typeof IdDocument>;

/** A registration as the desk sees it, with its deadline in the branch's zone. */
export const RegistrationView = PueRegistration.extend({
  lastDay: PueIsoDate.describe('last local day on which it can be confirmed'),
  daysLeft: z.number().int().describe('0 on the last day; negative once too late'),
});
export type RegistrationView = z.infer<typeof RegistrationView>;

/** POST /api/v1/profile-confirmations/confirm. */
export const ConfirmProfileRequest = z.object({
  registrationId: z.string().min(1).max(64),
  document: IdDocument,
});
export type ConfirmProfileRequest = z.infer<typeof ConfirmProfileRequest>;

/** POST /api/v1/profile-confirmations/refuse: a reason is required; the document is optional. */
export const RefuseProfileRequest = z.object({
  registrationId: z.string().min(1).max(64),
  reason: z.string().trim().min(3, 'reason: at least 3 characters').max(300),
  document: IdDocument.partial({ validUntil: true }).optional(),
});
export type RefuseProfileRequest = z.infer<typeof RefuseProfileRequest>;

/** What the branch answers a decision: recorded, audited and queued for the portal. */
export const ProfileDecisionReceipt = z.object({
  confirmationId: z.string(),
  registrationId: z.string(),
  decision: z.enum(['confirm', 'refuse']),
  decidedAt: PueInstant,
  document: PueCheckedDocument.nullable(),
  state: z.literal('queued').describe('travels to the portal through the outbox'),
});
export type ProfileDecisionReceipt = z.infer<typeof ProfileDecisionReceipt>;
