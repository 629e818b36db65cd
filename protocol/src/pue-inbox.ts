// Contracts of the portal's inbox of answers (pisma z ZUS) and the UPD, the official
// confirmation of delivery (urzędowe poświadczenie doręczenia) the client signs before the
// portal releases an answer that needs one. Spoken by pue-emulator, passed on by the branch.
import { z } from 'zod';
import { KioskPrintResult, PrintLang } from './printer';
import { PueInstant, PueIsoDate } from './pue';
import { TimeZone } from './time-zone';

/** An answer's id in a path. */
export const PueAnswerParams = z.object({ answerId: z.string().min(1).max(64) });

/** How the client signed a UPD: confirmed in a trusted-profile session, or with the ID card. */
export const PueUpdMethod = z.enum(['confirm', 'card']);
export type PueUpdMethod = z.infer<typeof PueUpdMethod>;

/** A UPD as the portal recorded it: who (the session's profile), which answer, when, how. */
export const PueUpd = z.object({
  updId: z.string(),
  answerId: z.string(),
  signedAt: PueInstant,
  method: PueUpdMethod,
});
export type PueUpd = z.infer<typeof PueUpd>;

/** One answer in the inbox (without its body). */
export const PueAnswer = z.object({
  id: z.string(),
  title: z.string(),
  /** The date on the letter. */
  date: PueIsoDate,
  /** The ZUS unit that wrote it, e.g. "ZUS Oddział w Łodzi, Wydział Świadczeń". */
  sender: z.string(),
  /** The letter's case reference (znak sprawy). */
  reference: z.string(),
  state: z.enum(['unread', 'read']),
  requiresUpd: z.boolean().describe('the body is released only after a UPD is signed'),
  upd: PueUpd.nullable().describe('the UPD once signed; opening again needs no new one'),
});
export type PueAnswer = z.infer<typeof PueAnswer>;

/** GET /v1/inbox: the profile's answers, newest first, and how many are unread. */
export const PueAnswerList = z.object({
  items: z.array(PueAnswer),
  unread: z.number().int().min(0),
});
export type PueAnswerList = z.infer<typeof PueAnswerList>;

/**
 * POST /v1/inbox/{answerId}/upd. `confirm`: the client confirms in the session (the trusted
 * profile stands behind it); `card`: a PAdES-signed UPD PDF made and signed at the kiosk with
 * the ID card's signature key, naming the answer in its keywords (`upd:<answerId>`).
 */
export const PueUpdRequest = z.discriminatedUnion('method', [
  z.object({ method: z.literal('confirm') }),
  z.object({
    method: z.literal('card'),
    signedPdfB64: z.string().min(1).max(2_000_000),
  }),
]);
export type PueUpdRequest = z.infer<typeof PueUpdRequest>;

/** GET /v1/inbox/{answerId}: the answer and its PDF body (after the UPD when one is needed). */
export const PueAnswerContent = z.object({
  answer: PueAnswer,
  pdfB64: z.string(),
});
export type PueAnswerContent = z.infer<typeof PueAnswerContent>;

/**
 * The printed summary of an answer opened at the kiosk (the letter itself stays a PDF): title,
 * date, sender, reference, the UPD's number and time, and a QR of the reference.
 */
export const AnswerLetterDoc = z.object({
  branchName: z.string().min(1).max(60),
  title: z.string().min(1).max(160),
  date: PueIsoDate,
  sender: z.string().min(1).max(120),
  reference: z.string().min(1).max(40),
  /** The UPD signed before the answer was released; absent for an answer that needs none. */
  upd: z.object({ updId: z.string().min(1).max(40), signedAt: PueInstant }).optional(),
  timeZone: TimeZone.optional(),
  lang: PrintLang,
});
export type AnswerLetterDoc = z.infer<typeof AnswerLetterDoc>;

/** Bridge: open an answer (its UPD already signed, or none needed) and print its summary. */
export const KioskOpenAnswerRequest = z.object({
  answerId: PueAnswerParams.shape.answerId,
  pueSession: z.string().min(1).max(500),
  lang: PrintLang,
});
export type KioskOpenAnswerRequest = z.infer<typeof KioskOpenAnswerRequest>;

/** The opened answer as the page shows it (no body: the PDF stays in the host) and the print. */
export const KioskOpenAnswerResult = z.object({ answer: PueAnswer, ...KioskPrintResult.shape });
export type KioskOpenAnswerResult = z.infer<typeof KioskOpenAnswerResult>;

/** Bridge: sign an answer's UPD with the ID card's signature key after its 6-digit PIN. */
export const KioskCardUpdRequest = z.object({
  answerId: PueAnswerParams.shape.answerId,
  pueSession: z.string().min(1).max(500),
  pin: z.string().regex(/^\d{6}$/),
});
export type KioskCardUpdRequest = z.infer<typeof KioskCardUpdRequest>;
