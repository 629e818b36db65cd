// Contracts between a branch and the central portal that the portal contract (pue.ts) does not
// cover: the branch's reports to the portal (visit outcomes, daily statistics), the kiosk's
// document drop-off at the branch, and the manager's view of the sync backlog.
import { z } from 'zod';
import { Lang, ServiceId } from './domain';
import { NotifyChannel } from './notify';
import { Pesel } from './pesel';
import { PueInstant, PueIsoDate } from './pue';

// ---- branch → portal reports (sent from the outbox with an idempotency key) ----

/** A booked visit's code as the portal knows it. */
const VisitCode = z.string().regex(/^[A-Z0-9]{6,12}$/);

/** POST /v1/branches/{branchId}/visit-outcomes: what became of a booked visit. */
export const PueVisitOutcome = z.object({
  bookingCode: VisitCode,
  serviceId: ServiceId.describe('the service the visit was finally served under'),
  outcome: z
    .enum(['done', 'no-show', 'expired', 'rebooked'])
    .describe(
      'expired: checked in but still waiting when the branch day ended; rebooked: the client came past the late window and took a later visit today instead (`rebookedAs`)',
    ),
  ticketNumber: z.string().max(10).nullable().describe('null: the client never checked in'),
  checkedInAt: PueInstant.nullable(),
  calledAt: PueInstant.nullable(),
  finishedAt: PueInstant.nullable(),
  bookingCancelledCentrally: z
    .boolean()
    .describe('the portal had cancelled the booking after the client checked in'),
  rebookedAs: VisitCode.optional().describe(
    'the new visit a late client took today (outcome rebooked)',
  ),
});
export type PueVisitOutcome = z.infer<typeof PueVisitOutcome>;

/** One service's numbers in a daily report. */
export const PueDailyServiceStats = z.object({
  serviceId: ServiceId,
  issued: z.number().int().min(0),
  booked: z.number().int().min(0).describe('tickets that were checked-in bookings'),
  served: z.number().int().min(0),
  noShow: z.number().int().min(0),
  cancelled: z.number().int().min(0),
  expired: z
    .number()
    .int()
    .min(0)
    .default(0)
    .describe('left waiting, called or parked when the branch day ended'),
  avgWaitMinutes: z.number().min(0).nullable(),
  avgServiceMinutes: z.number().min(0).nullable(),
});
export type PueDailyServiceStats = z.infer<typeof PueDailyServiceStats>;

/** POST /v1/branches/{branchId}/daily-stats: a closed day's numbers per service. */
export const PueDailyStats = z.object({
  day: PueIsoDate,
  services: z.array(PueDailyServiceStats),
});
export type PueDailyStats = z.infer<typeof PueDailyStats>;

/** The portal's receipt of a branch report; the same key answers the same receipt. */
export const PueReportReceipt = z.object({
  receiptId: z.string(),
  idempotencyKey: z.string(),
  receivedAt: PueInstant,
});
export type PueReportReceipt = z.infer<typeof PueReportReceipt>;

// ---- kiosk → branch document drop-off ----

/** A form the kiosk offers for drop-off, named in every kiosk language. */
export const DocumentForm = z.object({
  code: z.string().min(1).max(40),
  names: z.object({ pl: z.string(), en: z.string(), uk: z.string() }),
});
export type DocumentForm = z.infer<typeof DocumentForm>;

/** GET /api/v1/document-forms. */
export const DocumentFormCatalogue = z.object({ forms: z.array(DocumentForm) });
export type DocumentFormCatalogue = z.infer<typeof DocumentFormCatalogue>;

/** Largest decoded document the branch takes (10 MB). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/**
 * Who hands a document in without logging in: the name they gave (or the ID card gave) and,
 * if they chose to, a PESEL (fully checked). Kept with the queued document and sent to ZUS.
 */
export const DocumentSubmitter = z.object({
  name: z.string().trim().min(2).max(120),
  pesel: Pesel.optional(),
});
export type DocumentSubmitter = z.infer<typeof DocumentSubmitter>;

/** POST /api/v1/documents (kiosk token; optional `x-pue-session`). */
export const SubmitDocumentRequest = z.object({
  formCode: z.string().min(1).max(40),
  fileName: z.string().trim().min(1).max(200),
  // base64 of at most 10 MB is at most 4 * ceil(10 MB / 3) characters.
  contentB64: z
    .string()
    .min(4)
    .max(4 * Math.ceil(MAX_DOCUMENT_BYTES / 3))
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'contentB64 must be base64'),
  pages: z.number().int().min(1).max(500),
  lang: Lang,
  /** Drop-off without login: the submitter as given (a portal session's PESEL wins). */
  submitter: DocumentSubmitter.optional(),
});
export type SubmitDocumentRequest = z.infer<typeof SubmitDocumentRequest>;

/** What the portal confirmed (UPP: urzędowe poświadczenie przedłożenia). */
export const DocumentUpp = z.object({ uppId: z.string(), receivedAt: PueInstant });

/** The branch's receipt number: "D-2026-000123" (year of intake, a number never reused). */
export const DocumentReceiptNo = z.string().regex(/^D-\d{4}-\d{6,}$/);

/** The check code printed beside the receipt number: the number alone does not reveal a status. */
export const DocumentReceiptCode = z.string().regex(/^[A-HJ-NP-Z2-9]{6}$/);

/** Where a dropped-off document is: waiting in the outbox, or taken by the portal. */
export const DocumentDelivery = z.enum(['queued', 'delivered']);

/** A dropped-off document as the kiosk sees it. */
export const DocumentStatus = z.object({
  documentId: z.string(),
  status: DocumentDelivery,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  receivedAt: PueInstant,
  upp: DocumentUpp.optional(),
  /** The branch receipt's number and check code (documents taken before step 12 have none). */
  receiptNo: DocumentReceiptNo.optional(),
  receiptCode: DocumentReceiptCode.optional(),
});
export type DocumentStatus = z.infer<typeof DocumentStatus>;

/** POST /api/v1/documents/receipt-lookup: the receipt's number and check code (QR or typed). */
export const DocumentReceiptLookup = z.object({
  receiptNo: DocumentReceiptNo,
  code: DocumentReceiptCode,
});
export type DocumentReceiptLookup = z.infer<typeof DocumentReceiptLookup>;

/**
 * What a receipt reveals: the delivery state and the UPP, plus what the UPP printout shows
 * (form, pages, digest, times). Never the content, the file name or the submitter.
 */
export const DocumentReceiptStatus = z.object({
  receiptNo: DocumentReceiptNo,
  status: DocumentDelivery,
  formCode: z.string(),
  pages: z.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  receivedAt: PueInstant,
  upp: DocumentUpp.optional(),
});
export type DocumentReceiptStatus = z.infer<typeof DocumentReceiptStatus>;

/** GET /api/v1/opening: whether the branch's counters take clients now (any service open). */
export const BranchOpening = z.object({
  open: z.boolean(),
  timeZone: z.string(),
  at: PueInstant,
  /**
   * The channels the branch can notify a client by (an SMS gateway, SMTP); empty when
   * notifications are off, and the kiosk then offers no "Powiadom mnie".
   */
  notifyChannels: z.array(NotifyChannel).default([]),
});
export type BranchOpening = z.infer<typeof BranchOpening>;

// ---- manager: the sync backlog ----

/** GET /api/v1/sync/status (manager, admin). */
export const SyncStatus = z.object({
  outbox: z.object({
    pending: z.number().int().min(0),
    /** Rows the portal refused for good (4xx other than 408/429); kept for the manager. */
    failed: z.number().int().min(0),
    oldestAt: PueInstant.nullable(),
    lastError: z.string().nullable(),
    lastDeliveredAt: PueInstant.nullable(),
  }),
  bookings: z.object({
    cursor: z.string().nullable(),
    lastPullAt: PueInstant.nullable(),
    lastError: z.string().nullable(),
  }),
});
export type SyncStatus = z.infer<typeof SyncStatus>;
