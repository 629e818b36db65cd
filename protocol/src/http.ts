import { z } from 'zod';
import { Counter, Lang, PriorityReason, Service, ServiceId, Ticket } from './domain';
import { Pesel } from './pesel';

/** Staff roles. */
export const Role = z.enum(['admin', 'manager', 'clerk']);
export type Role = z.infer<typeof Role>;

/** Kinds of paired devices; each gets its own token from an admin. */
export const DeviceKind = z.enum(['kiosk', 'display', 'board']);
export type DeviceKind = z.infer<typeof DeviceKind>;

/** Who a token belongs to: a staff role or a device kind. */
export const Principal = z.union([Role, DeviceKind]);
export type Principal = z.infer<typeof Principal>;

export const LoginRequest = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({
  token: z.string(),
  role: Role,
  username: z.string(),
  expiresAt: z.string(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const CreateDeviceRequest = z.object({
  kind: DeviceKind,
  name: z.string().trim().min(1).max(80),
});
export const CreateDeviceResponse = z.object({ id: z.string(), token: z.string() });
export type CreateDeviceResponse = z.infer<typeof CreateDeviceResponse>;

/** Booking codes are 6–12 characters of A–Z and 0–9, case-insensitive. */
export const BookingCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{6,12}$/, 'booking code: 6–12 letters or digits');

export const IssueTicketRequest = z
  .object({
    serviceId: ServiceId.optional(),
    priority: PriorityReason.optional(),
    bookingCode: BookingCode.optional(),
    /** Check-in by ID card: the holder's PESEL, used for a keyed-hash lookup and never stored or logged. */
    bookingPesel: Pesel.optional(),
    lang: Lang.optional(),
    /**
     * The client takes the late-arrival offer's walk-in ticket for a visit of today past its
     * check-in window: the ticket joins the line as a walk-in but carries the visit's code, and
     * the visit counts as kept, not as a no-show (issue 14).
     */
    acceptLate: z.literal(true).optional(),
  })
  .refine(
    (r) => r.serviceId !== undefined || r.bookingCode !== undefined || r.bookingPesel !== undefined,
    { message: 'serviceId, bookingCode or bookingPesel is required' },
  )
  .refine((r) => !r.acceptLate || r.bookingCode !== undefined || r.bookingPesel !== undefined, {
    message: 'acceptLate needs the visit: bookingCode or bookingPesel',
  });
export type IssueTicketRequest = z.infer<typeof IssueTicketRequest>;

export const IssuedTicket = z.object({
  id: z.string(),
  number: z.string(),
  serviceId: z.string(),
  issuedAt: z.string(),
  peopleAhead: z.number().int().min(0),
  estimatedWaitMinutes: z.number().int().min(0),
  bookedFor: z.string().nullable(),
  followUrl: z.string(),
  /**
   * True for a booked client past the check-in window who took a ticket instead: the visit's
   * code is kept, but the place is at the end of the line, as a walk-in's (absent otherwise).
   */
  lateArrival: z.boolean().optional(),
});
export type IssuedTicket = z.infer<typeof IssuedTicket>;

export const PauseCounterRequest = z.object({ reason: z.string().trim().min(1).max(120) });

export const TransferRequest = z
  .object({
    serviceId: ServiceId.optional(),
    counterId: z.number().int().positive().optional(),
    position: z.enum(['front', 'end']).default('end'),
  })
  .refine((r) => (r.serviceId === undefined) !== (r.counterId === undefined), {
    message: 'give exactly one of serviceId or counterId',
  });
export type TransferRequest = z.infer<typeof TransferRequest>;

/** Ticket actions a clerk takes on the ticket in hand. */
export const TicketAction = z.enum([
  'recall',
  'start',
  'finish',
  'no-show',
  'park',
  'return',
  'transfer',
  'cancel',
]);
export type TicketAction = z.infer<typeof TicketAction>;

export const CreateBookingRequest = z.object({
  code: BookingCode,
  serviceId: ServiceId,
  bookedFor: z.string().datetime({ offset: true }),
});
export type CreateBookingRequest = z.infer<typeof CreateBookingRequest>;

/** Waiting line of one service. */
export const LineSummary = z.object({
  serviceId: z.string(),
  waiting: z.number().int(),
  priorityWaiting: z.number().int(),
  longestWaitMinutes: z.number(),
  estimatedWaitMinutes: z.number().int(),
  bookedDue: z.number().int(),
});
export type LineSummary = z.infer<typeof LineSummary>;

export const QueueSnapshot = z.object({
  seq: z.number().int(),
  at: z.string(),
  lines: z.array(LineSummary),
  counters: z.array(Counter.extend({ ticket: Ticket.nullable() })),
  recentCalls: z.array(Ticket),
  parked: z.array(Ticket),
});
export type QueueSnapshot = z.infer<typeof QueueSnapshot>;

export const ServicesResponse = z.object({ services: z.array(Service) });
export const CountersResponse = z.object({ counters: z.array(Counter) });
export const TicketResponse = z.object({ ticket: Ticket });

export const HealthResponse = z.object({
  /** `degraded`: the last write failed for storage (disk full, I/O error); see `storage`. */
  status: z.enum(['ok', 'degraded']),
  /** The storage fault since the last good write, when degraded. */
  storage: z.object({ at: z.string(), code: z.string() }).optional(),
  version: z.string(),
  seq: z.number().int(),
  time: z.string(),
});
