import { z } from 'zod';
import { KioskPrintResult, PrinterStatus } from './printer';
import { ApiError } from './errors';
import { Lang, PriorityReason, ServiceId } from './domain';
import { BookingCode, IssuedTicket } from './http';
import { CardHolder } from './card';
import { VisitSummary } from './calendar';
import { Pesel } from './pesel';
import {
  KioskCardUpdRequest,
  KioskOpenAnswerRequest,
  KioskOpenAnswerResult,
  PueUpd,
} from './pue-inbox';
import {
  DocumentDelivery,
  DocumentReceiptCode,
  DocumentReceiptLookup,
  DocumentReceiptNo,
} from './branch-pue';
import { OpeningHours } from './manager';

// The kiosk bridge: the one narrow API the kiosk renderer has to its devices. Electron's
// preload implements it over IPC, the browser host over HTTP + server-sent events. Every
// method is a name with an input and an output schema, checked on both sides of the boundary.

/** What the renderer needs to know about its kiosk. */
export const KioskConfig = z.object({
  branchName: z.string().min(1).max(60),
  /** Origin the follow-the-line QR points at (the branch server as phones reach it). */
  publicOrigin: z.url(),
  /** Seconds of no touch before a self-service session ends. */
  idleSeconds: z.number().int().min(5).max(600),
  /** Seconds of no touch before the ticket side starts fresh (default 45). */
  ticketIdleSeconds: z.number().int().min(5).max(600).optional(),
  /** True when the card reader has its own keypad (no on-screen PIN pad then). */
  pinpad: z.boolean(),
  /**
   * The kiosk's own hours (the building's access), apart from the branch's: after the branch
   * closes it still takes documents and bookings. Absent: 06:00–22:00 every day.
   */
  kioskHours: OpeningHours.optional(),
});
/** Kiosk configuration as the renderer sees it. */
export type KioskConfig = z.infer<typeof KioskConfig>;

/** A walk-in ticket asked for at the kiosk. */
export const KioskIssueRequest = z.object({
  serviceId: ServiceId,
  priority: PriorityReason.optional(),
  lang: Lang,
  /** Printed service name (already in the client's language). */
  serviceName: z.string().min(1).max(60),
});
export type KioskIssueRequest = z.infer<typeof KioskIssueRequest>;

/** Check-in for a booked visit by its code (typed, or scanned from a QR as keystrokes). */
export const KioskCheckInRequest = z.object({
  bookingCode: BookingCode,
  lang: Lang,
  /** The late-arrival offer's walk-in ticket for this missed visit (see IssueTicketRequest). */
  acceptLate: z.literal(true).optional(),
});
export type KioskCheckInRequest = z.infer<typeof KioskCheckInRequest>;

/** Check-in for a booked visit with the ID card in the reader (no PIN needed). */
export const KioskCardCheckInRequest = z.object({
  lang: Lang,
  /** The late-arrival offer's walk-in ticket for the card holder's missed visit. */
  acceptLate: z.literal(true).optional(),
});
export type KioskCardCheckInRequest = z.infer<typeof KioskCardCheckInRequest>;

/**
 * A ticket the client holds: always shown on screen, printed when the printer could.
 * `printError` says why not (the branch has been alerted then).
 */
export const KioskTicketOutcome = z.object({
  ticket: IssuedTicket,
  /** Absolute follow-the-line URL for the QR. */
  followUrl: z.url(),
  ...KioskPrintResult.shape,
});
export type KioskTicketOutcome = z.infer<typeof KioskTicketOutcome>;

/** Printer and card reader state for the renderer. */
export const KioskDeviceState = z.object({
  printer: PrinterStatus.nullable(),
  printerOk: z.boolean(),
  cardReader: z.boolean(),
  cardPresent: z.boolean(),
});
export type KioskDeviceState = z.infer<typeof KioskDeviceState>;

/** PIN typed on screen (absent when the reader's pinpad takes it). */
export const KioskCardLoginRequest = z.object({
  pin: z
    .string()
    .regex(/^\d{4,8}$/)
    .optional(),
});
export type KioskCardLoginRequest = z.infer<typeof KioskCardLoginRequest>;

/** A portal session opened with the ID card; the token lives only in the renderer's memory. */
export const KioskCardLoginResult = z.object({
  token: z.string().min(1),
  expiresAt: z.string(),
  holder: CardHolder,
});
export type KioskCardLoginResult = z.infer<typeof KioskCardLoginResult>;

/** Where a file to drop off comes from. */
export const KioskFileSource = z.enum(['usb', 'scanner']);
export type KioskFileSource = z.infer<typeof KioskFileSource>;

/** A file the client may attach (name only: no path ever crosses the bridge). */
export const KioskFile = z.object({
  source: KioskFileSource,
  name: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^/\\]+$/),
  bytes: z.number().int().min(0),
  contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
});
export type KioskFile = z.infer<typeof KioskFile>;

/** Drop off one file as a form; the branch queues it for the portal. */
export const KioskSubmitRequest = z.object({
  source: KioskFileSource,
  name: KioskFile.shape.name,
  formCode: z.string().min(1).max(32),
  formName: z.string().min(1).max(60),
  lang: Lang,
  pueSession: z.string().min(1).max(500).optional(),
  /**
   * The 6-digit signature PIN of the ID card in the reader: the host signs the document with
   * the card ("podpis osobisty", PAdES) before it goes to the branch; absent = sent unsigned.
   */
  signPin: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type KioskSubmitRequest = z.infer<typeof KioskSubmitRequest>;

/** The drop-off as the branch recorded it, and whether the UPP was printed. */
export const KioskSubmitResult = z.object({
  documentId: z.string(),
  sha256: z.string(),
  receivedAt: z.string(),
  pages: z.number().int().min(1),
  status: DocumentDelivery,
  uppId: z.string().nullable(),
  ...KioskPrintResult.shape,
  /** True when what was submitted is the PDF signed with the ID card. */
  signed: z.boolean().optional(),
});
export type KioskSubmitResult = z.infer<typeof KioskSubmitResult>;

/**
 * Who books at the kiosk: the holder of the ID card in the reader (the host reads the PESEL and
 * it never reaches the page), or a typed PESEL with a phone number for the confirmation SMS.
 */
export const KioskBookingIdentity = z.discriminatedUnion('by', [
  z.object({ by: z.literal('card'), phone: z.string().min(9).max(20).optional() }),
  z.object({ by: z.literal('pesel'), pesel: Pesel, phone: z.string().min(9).max(20) }),
]);
export type KioskBookingIdentity = z.infer<typeof KioskBookingIdentity>;

/** A visit booked at the kiosk ("Umów wizytę"); the slip prints the code, day, hour and a QR. */
export const KioskBookRequest = z.object({
  serviceId: ServiceId,
  start: z.iso.datetime(),
  lang: Lang,
  /** Printed service name (already in the client's language). */
  serviceName: z.string().min(1).max(60),
  identity: KioskBookingIdentity,
});
export type KioskBookRequest = z.infer<typeof KioskBookRequest>;

/**
 * The booked visit, always shown on screen, and whether the slip printed. `confirmation` says
 * whether an SMS confirmation was queued, the branch has SMS off, or no phone was given.
 */
export const KioskBookResult = z.object({
  visit: VisitSummary,
  ...KioskPrintResult.shape,
  confirmation: z.enum(['queued', 'off', 'none']),
});
export type KioskBookResult = z.infer<typeof KioskBookResult>;

/**
 * "Moja wizyta": move a visit booked at the branch to another slot. The code and the client's
 * PESEL prove it is theirs; the new slip is printed like a booking's.
 */
export const KioskRebookRequest = z.object({
  code: BookingCode,
  pesel: Pesel,
  start: z.iso.datetime(),
  lang: Lang,
  /** Printed service name (already in the client's language). */
  serviceName: z.string().min(1).max(60),
});
export type KioskRebookRequest = z.infer<typeof KioskRebookRequest>;

/** The old visit (cancelled), the new one, and whether its slip printed. */
export const KioskRebookResult = z.object({
  cancelled: VisitSummary,
  visit: VisitSummary,
  ...KioskPrintResult.shape,
});
export type KioskRebookResult = z.infer<typeof KioskRebookResult>;

/**
 * A client past the late-arrival window takes the slot offered today (issue 14): the missed
 * visit is named by the code typed at check-in, or by the ID card in the reader (the host reads
 * the PESEL; it never reaches the page). The new visit's slip is printed like a booking's.
 */
export const KioskLateBookRequest = z
  .object({
    bookingCode: BookingCode.optional(),
    card: z.literal(true).optional(),
    start: z.iso.datetime(),
    lang: Lang,
    /** Printed service name (already in the client's language). */
    serviceName: z.string().min(1).max(60),
  })
  .refine((r) => (r.bookingCode === undefined) !== (r.card === undefined), {
    message: 'give exactly one of bookingCode or card',
  });
export type KioskLateBookRequest = z.infer<typeof KioskLateBookRequest>;

/** Who hands a document in without logging in: typed, or the ID card's holder (no PIN). */
export const KioskAnonSubmitter = z.discriminatedUnion('by', [
  z.object({
    by: z.literal('typed'),
    name: z.string().trim().min(2).max(120),
    pesel: Pesel.optional(),
  }),
  // The host reads name and PESEL from the card's certificate; the PESEL never reaches the page.
  z.object({ by: z.literal('card') }),
]);
export type KioskAnonSubmitter = z.infer<typeof KioskAnonSubmitter>;

/** Drop off one file without logging in ("Złóż dokument (bez logowania)"). */
export const KioskAnonSubmitRequest = KioskSubmitRequest.omit({
  pueSession: true,
  signPin: true,
}).extend({ submitter: KioskAnonSubmitter });
export type KioskAnonSubmitRequest = z.infer<typeof KioskAnonSubmitRequest>;

/** The branch receipt of a drop-off without login: its number and check code (also in the QR). */
export const KioskAnonSubmitResult = KioskSubmitResult.omit({
  documentId: true,
  signed: true,
}).extend({ receiptNo: DocumentReceiptNo, receiptCode: DocumentReceiptCode });
export type KioskAnonSubmitResult = z.infer<typeof KioskAnonSubmitResult>;

/** "Sprawdź potwierdzenie (UPP)": the receipt's number and code, scanned from its QR or typed. */
export const KioskReceiptLookupRequest = DocumentReceiptLookup.extend({ lang: Lang });
export type KioskReceiptLookupRequest = z.infer<typeof KioskReceiptLookupRequest>;

/** What the lookup found: the UPP printed when the portal has issued it; else the state only. */
export const KioskReceiptLookupResult = z.object({
  receiptNo: DocumentReceiptNo,
  status: DocumentDelivery,
  uppId: z.string().nullable(),
  ...KioskPrintResult.shape,
});
export type KioskReceiptLookupResult = z.infer<typeof KioskReceiptLookupResult>;

const none = z.object({}).strict();

/** Every bridge method: name → input and output schema. */
export const kioskBridgeMethods = {
  config: { input: none, output: KioskConfig },
  devices: { input: none, output: KioskDeviceState },
  issueTicket: { input: KioskIssueRequest, output: KioskTicketOutcome },
  checkIn: { input: KioskCheckInRequest, output: KioskTicketOutcome },
  checkInByCard: { input: KioskCardCheckInRequest, output: KioskTicketOutcome },
  cardLogin: { input: KioskCardLoginRequest, output: KioskCardLoginResult },
  cardEnd: { input: none, output: none },
  listFiles: { input: none, output: z.object({ files: z.array(KioskFile) }) },
  submitDocument: { input: KioskSubmitRequest, output: KioskSubmitResult },
  bookVisit: { input: KioskBookRequest, output: KioskBookResult },
  rebookVisit: { input: KioskRebookRequest, output: KioskRebookResult },
  bookLateArrival: { input: KioskLateBookRequest, output: KioskBookResult },
  openAnswer: { input: KioskOpenAnswerRequest, output: KioskOpenAnswerResult },
  signUpdByCard: { input: KioskCardUpdRequest, output: PueUpd },
  readCardHolder: { input: none, output: CardHolder },
  submitAnonymous: { input: KioskAnonSubmitRequest, output: KioskAnonSubmitResult },
  lookupReceipt: { input: KioskReceiptLookupRequest, output: KioskReceiptLookupResult },
} as const;
/** Names of the bridge methods. */
export type KioskMethod = keyof typeof kioskBridgeMethods;
/** Input type of a bridge method. */
export type KioskInput<M extends KioskMethod> = z.infer<(typeof kioskBridgeMethods)[M]['input']>;
/** Output type of a bridge method. */
export type KioskOutput<M extends KioskMethod> = z.infer<(typeof kioskBridgeMethods)[M]['output']>;

/** The envelope every bridge call answers with (never a thrown stack across the boundary). */
export const KioskBridgeReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiError }),
]);
export type KioskBridgeReply = z.infer<typeof KioskBridgeReply>;

/** Pushed from the device side: a card came or went, the printer changed. */
export const KioskEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('card'), present: z.boolean() }),
  z.object({ type: z.literal('printer'), ok: z.boolean(), status: PrinterStatus.nullable() }),
]);
export type KioskEvent = z.infer<typeof KioskEvent>;

/** What the renderer gets from preload (window.skrKiosk) or from the HTTP client. */
export interface KioskBridge {
  /** Calls one method; rejects with an Error carrying `code` on `{ ok: false }`. */
  call<M extends KioskMethod>(method: M, input: KioskInput<M>): Promise<KioskOutput<M>>;
  /** Subscribes to device events; returns the unsubscribe function. */
  onEvent(cb: (e: KioskEvent) => void): () => void;
}

/** IPC channel names (Electron) and HTTP paths (browser host) of the bridge. */
export const KIOSK_IPC_CALL = 'skr-kiosk:call';
export const KIOSK_IPC_EVENT = 'skr-kiosk:event';
export const KIOSK_HTTP_CALL = '/bridge/call/';
export const KIOSK_HTTP_EVENTS = '/bridge/events';
