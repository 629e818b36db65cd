// Contracts of the central portal (PUE) HTTP API, as spoken by pue-emulator and expected from
// a real integration. Every body that crosses the wire is one of these schemas; the OpenAPI
// document (docs/pue-openapi.yaml) is generated from them, so this file is the source of truth.
import { z } from 'zod';

/** PESEL: 11 digits (the checksum is checked by the portal, not by the schema). */
export const PuePesel = z.string().regex(/^\d{11}$/, 'PESEL must be 11 digits');
/** Calendar date `YYYY-MM-DD`. */
export const PueIsoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
/** Wall-clock time `HH:MM` in Europe/Warsaw. */
export const PueLocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** Calendar month `YYYY-MM`. */
export const PueIsoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** An instant, ISO 8601 with offset (the portal always answers in UTC, `Z`). */
export const PueInstant = z.iso.datetime({ offset: true });
/** Money in grosze (1/100 PLN), integer, so no float rounding crosses the wire. */
export const PueAmountGr = z.number().int();

/** Kind of service a visit is booked for; the same ids the branch uses for its queues. */
export const PueServiceId = z.enum([
  'emerytury',
  'zasilki',
  'skladki',
  'pue-profil',
  'orzecznictwo',
  'ogolne',
]);
export type PueServiceId = z.infer<typeof PueServiceId>;

/** Channel the verification code is delivered by. */
export const PueCodeChannel = z.enum(['sms', 'email']);
export type PueCodeChannel = z.infer<typeof PueCodeChannel>;

/** Kinds of PUE account a profile can enter. */
export const PueAccountKind = z.enum(['individual', 'payer', 'proxy']);
export type PueAccountKind = z.infer<typeof PueAccountKind>;

/** Roles inside an individual (or proxied individual) account. */
export const PueRole = z.enum(['general', 'insured', 'beneficiary']);
export type PueRole = z.infer<typeof PueRole>;

// ---- login ----

/** POST /v1/auth/password: first step of password login. */
export const PuePasswordLoginRequest = z.object({
  login: z.string().min(1).max(100),
  password: z.string().min(12, 'password has at least 12 characters').max(200),
  channel: PueCodeChannel.optional().describe('overrides the profile recovery channel'),
});
export type PuePasswordLoginRequest = z.infer<typeof PuePasswordLoginRequest>;

/** Answer to the first step: a code was sent; confirm it within `expiresAt`. */
export const PuePasswordLoginStarted = z.object({
  attemptId: z.string(),
  channel: PueCodeChannel,
  destination: z.string().describe('masked phone number or e-mail address'),
  expiresAt: PueInstant,
});
export type PuePasswordLoginStarted = z.infer<typeof PuePasswordLoginStarted>;

/** POST /v1/auth/password/verify: second step, the code from the SMS or e-mail. */
export const PueVerifyCodeRequest = z.object({
  attemptId: z.string().min(1),
  code: z.string().regex(/^\d{6}$/, 'code has 6 digits'),
});
export type PueVerifyCodeRequest = z.infer<typeof PueVerifyCodeRequest>;

/** POST /v1/auth/card/challenge answer: sign `challengeB64` with the ID card before `expiresAt`. */
export const PueCardChallenge = z.object({
  challengeId: z.string(),
  challengeB64: z.string().describe('32 random bytes, base64'),
  expiresAt: PueInstant,
});
export type PueCardChallenge = z.infer<typeof PueCardChallenge>;

/** POST /v1/auth/card: ECDSA P-256/SHA-256 signature (raw r||s) over the challenge bytes. */
export const PueCardLoginRequest = z.object({
  challengeId: z.string().min(1),
  certificatePem: z.string().min(1).max(20_000),
  signatureB64: z.string().min(1).max(200),
});
export type PueCardLoginRequest = z.infer<typeof PueCardLoginRequest>;

/** One account the profile may enter, with the roles available in it. */
export const PueAccount = z.object({
  id: z.string(),
  kind: PueAccountKind,
  label: z.string(),
  ownerName: z.string().describe('whose account it is (the proxied person for proxy)'),
  nip: z
    .string()
    .regex(/^\d{10}$/)
    .optional(),
  roles: z.array(PueRole).describe('empty for payer accounts'),
});
export type PueAccount = z.infer<typeof PueAccount>;

/** The logged-in person's profile. */
export const PueProfile = z.object({
  id: z.string(),
  pesel: PuePesel,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  recoveryChannel: PueCodeChannel,
  accounts: z.array(PueAccount),
});
export type PueProfile = z.infer<typeof PueProfile>;

/** A client session; send `Authorization: Bearer <token>` until `expiresAt`. */
export const PueSession = z.object({
  token: z.string(),
  expiresAt: PueInstant,
  profile: PueProfile,
});
export type PueSession = z.infer<typeof PueSession>;

// ---- account data ----

/** Amount for one calendar month. */
export const PueMonthlyAmount = z.object({ month: PueIsoMonth, amountGr: PueAmountGr });
export type PueMonthlyAmount = z.infer<typeof PueMonthlyAmount>;

/** A benefit granted, with what has been paid. */
export const PueBenefit = z.object({
  id: z.string(),
  kind: z.string().describe('e.g. emerytura, renta, zasilek-chorobowy'),
  grantedOn: PueIsoDate,
  monthlyAmountGr: PueAmountGr,
  payments: z.array(z.object({ paidOn: PueIsoDate, amountGr: PueAmountGr })),
});
export type PueBenefit = z.infer<typeof PueBenefit>;

/** A person a payer has registered for insurance (PESEL masked). */
export const PueInsuredPerson = z.object({
  name: z.string(),
  peselMasked: z.string(),
  since: PueIsoDate,
});
export type PueInsuredPerson = z.infer<typeof PueInsuredPerson>;

/** Funds a payer's contributions go to: social insurance, health, Labour + Solidarity, FGŚP. */
export const PueFund = z.enum(['FUS', 'FUZ', 'FP_FS', 'FGSP']);
export type PueFund = z.infer<typeof PueFund>;

/** What a payer owed and paid to one fund for one month. */
export const PueFundMonth = z.object({
  fund: PueFund,
  month: PueIsoMonth,
  dueGr: PueAmountGr,
  paidGr: PueAmountGr,
});
export type PueFundMonth = z.infer<typeof PueFundMonth>;

/** GET /v1/accounts/{accountId}?role=: sections present depend on the account kind and role. */
export const PueAccountData = z.object({
  accountId: z.string(),
  kind: PueAccountKind,
  role: PueRole.nullable(),
  asOf: PueInstant,
  insured: z
    .object({
      contributionBases: z.array(PueMonthlyAmount).describe('last 12 full months, oldest first'),
      balanceGr: PueAmountGr,
      initialCapitalGr: PueAmountGr.nullable(),
      ofeTransfers: z.array(PueMonthlyAmount),
    })
    .optional(),
  beneficiary: z.object({ benefits: z.array(PueBenefit) }).optional(),
  payer: z
    .object({
      nip: z.string(),
      insuredPersons: z.array(PueInsuredPerson),
      contributionsDue: z.array(PueMonthlyAmount),
      /** Dues and payments per fund, last 12 months, oldest first. */
      funds: z.array(PueFundMonth).optional(),
    })
    .optional(),
});
export type PueAccountData = z.infer<typeof PueAccountData>;

/** Query of GET /v1/accounts/{accountId}. */
export const PueAccountDataQuery = z.object({ role: PueRole.optional() });

/** POST /v1/accounts/{accountId}/archive-orders: order contribution data older than 12 months. */
export const PueArchiveOrderRequest = z
  .object({ fromYear: z.number().int().min(1999), toYear: z.number().int().min(1999) })
  .refine((o) => o.fromYear <= o.toYear, 'fromYear must not be after toYear');
export type PueArchiveOrderRequest = z.infer<typeof PueArchiveOrderRequest>;

/** An archival data order. */
export const PueArchiveOrder = z.object({
  id: z.string(),
  accountId: z.string(),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  status: z.enum(['ordered', 'ready']),
  createdAt: PueInstant,
});
export type PueArchiveOrder = z.infer<typeof PueArchiveOrder>;

/** List of archival data orders. */
export const PueArchiveOrderList = z.object({ items: z.array(PueArchiveOrder) });
export type PueArchiveOrderList = z.infer<typeof PueArchiveOrderList>;

// ---- bookings ----

/** A visit booked for a branch. `date`/`time` are Europe/Warsaw wall clock; `startsAt` the instant. */
export const PueBooking = z.object({
  id: z.string(),
  code: z.string().regex(/^[A-HJ-NP-Z2-9]{6}$/),
  branchId: z.string(),
  serviceId: PueServiceId,
  date: PueIsoDate,
  time: PueLocalTime,
  startsAt: PueInstant,
  status: z.enum(['booked', 'cancelled']),
  version: z.number().int().min(1).describe('1 when created, +1 on every change'),
  updatedAt: PueInstant,
  pesel: PuePesel.nullable().describe('for ID-card check-in; never display or log it'),
});
export type PueBooking = z.infer<typeof PueBooking>;

/** POST /v1/bookings (client session). */
export const PueCreateBookingRequest = z.object({
  branchId: z.string().min(1).max(64),
  serviceId: PueServiceId,
  date: PueIsoDate,
  time: PueLocalTime,
});
export type PueCreateBookingRequest = z.infer<typeof PueCreateBookingRequest>;

/** POST /v1/bookings/{id}/rebook: move a booked visit to another date and time. */
export const PueRebookRequest = z.object({ date: PueIsoDate, time: PueLocalTime });
export type PueRebookRequest = z.infer<typeof PueRebookRequest>;

/** A client's own bookings. */
export const PueBookingList = z.object({ items: z.array(PueBooking) });
export type PueBookingList = z.infer<typeof PueBookingList>;

/** Query of GET /v1/branches/{branchId}/bookings. */
export const PueBookingChangesQuery = z.object({
  since: z
    .string()
    .regex(/^\d{1,15}$/)
    .optional()
    .describe('cursor from the previous page; omit to start from the beginning'),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
export type PueBookingChangesQuery = z.infer<typeof PueBookingChangesQuery>;

/** Bookings changed after the cursor (created, cancelled, rebooked), oldest change first. */
export const PueBookingChanges = z.object({
  items: z.array(PueBooking),
  cursor: z.string().describe('pass as `since` next time; unchanged when nothing changed'),
  hasMore: z.boolean(),
});
export type PueBookingChanges = z.infer<typeof PueBookingChanges>;

// ---- document intake ----

/** Document content types the portal accepts. */
export const PueDocumentContentType = z.enum(['application/pdf', 'image/jpeg', 'image/png']);

/** POST /v1/branches/{branchId}/documents with header `idempotency-key`. */
export const PueDocumentSubmission = z.object({
  formCode: z.string().min(1).max(40).describe('e.g. ZUS-Z-3, ERP-7, or "pismo"'),
  title: z.string().min(1).max(200),
  submitterPesel: PuePesel.nullable(),
  submitterName: z
    .string()
    .min(1)
    .max(120)
    .nullable()
    .optional()
    .describe('as given at a drop-off without login (absent: not asked)'),
  fileName: z.string().min(1).max(200),
  contentType: PueDocumentContentType,
  contentB64: z.string().min(1).max(14_000_000),
  submittedAt: PueInstant.describe('when the client dropped it off at the branch'),
});
export type PueDocumentSubmission = z.infer<typeof PueDocumentSubmission>;

/** UPP (urzędowe poświadczenie przedłożenia): the official confirmation of submission. */
export const PueUpp = z.object({
  uppId: z.string(),
  documentId: z.string(),
  receivedAt: PueInstant,
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe('of the decoded document bytes'),
  idempotencyKey: z.string(),
});
export type PueUpp = z.infer<typeof PueUpp>;

/** Idempotency key header value: 8–128 URL-safe characters (a UUID fits). */
export const PueIdempotencyKey = z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/);

// ---- emulator control (not part of the real portal) ----

/** Fault switches of the emulator. */
export const PueFaults = z.object({
  down: z.boolean().optional(),
  slowMs: z.number().int().min(0).max(120_000).optional(),
  error500Rate: z.number().min(0).max(1).optional(),
  dropResponses: z.boolean().optional(),
});
export type PueFaults = z.infer<typeof PueFaults>;

/** A verification message the emulator "sent" (its SMS gateway / mail server stand-in). */
export const PueOutboxMessage = z.object({
  id: z.number().int(),
  channel: PueCodeChannel,
  to: z.string(),
  text: z.string(),
  code: z.string(),
  createdAt: PueInstant,
});
export type PueOutboxMessage = z.infer<typeof PueOutboxMessage>;
