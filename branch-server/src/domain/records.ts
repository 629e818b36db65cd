import type { CalendarPlan, CalendarVisit } from '@skr/protocol/calendar';
import type {
  DeviceKind,
  DeviceStatus,
  DisplayConfig,
  QueueSettings,
  Role,
  Service,
  Counter,
  Ticket,
  TicketState,
  BranchEventType,
} from '@skr/protocol';
import type { AuditEntry, OpeningHours } from '@skr/protocol/manager';
import type { ProfileConfirmationRow } from './profile-confirmation';
import type { PortalBookingRow } from './booking-feed';

/** A visit booked through the central portal, as cached at the branch. */
export interface Booking {
  code: string;
  serviceId: string;
  bookedFor: string;
  status: 'booked' | 'checked-in' | 'cancelled';
  ticketId: string | null;
  updatedAt: string;
}

/** A staff account. */
export interface User {
  username: string;
  role: Role;
  passwordHash: string;
  active: boolean;
}

/** A paired device (kiosk, display, LED board controller). */
export interface Device {
  id: string;
  kind: DeviceKind;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

/** One changed field: its value before and after. */
export type FieldDiff = Record<string, { before: unknown; after: unknown }>;

/** An audit entry before the log numbers it. */
export type NewAuditEntry = Omit<AuditEntry, 'id' | 'diff'> & { diff: FieldDiff };

/** What a change records in the event log and publishes; the log assigns `seq`. */
export interface DomainEvent {
  at: string;
  type: BranchEventType;
  ticket?: Ticket;
  counter?: Counter;
  device?: DeviceStatus;
  /** The calendar visit a `booking.*` event is about (the notifier reacts to it). */
  booking?: { code: string; serviceId?: string; start?: string; previousCode?: string };
  actor: string | null;
}

/** A row a decision writes (the projections of its events), applied in the change's transaction. */
export type RowChange =
  | { row: 'ticket'; ticket: Ticket; expected: TicketState | null }
  | { row: 'counter'; counter: Counter }
  | { row: 'booking'; booking: Booking }
  | { row: 'service'; service: Service; hours: OpeningHours | null }
  | { row: 'settings'; settings: QueueSettings }
  | { row: 'display'; subject: string; config: DisplayConfig }
  | { row: 'user'; user: User; endSessions: boolean }
  | { row: 'device'; device: Device; tokenHash: string }
  | { row: 'device-revoked'; id: string; at: string }
  | { row: 'audit'; entry: NewAuditEntry }
  // `mirror: false` when the change writes the visit's check-in cache row itself (portal feed).
  | { row: 'calendar-visit'; visit: CalendarVisit; day: string; mirror?: boolean }
  | { row: 'portal-booking'; booking: PortalBookingRow }
  | { row: 'booking-cursor'; cursor: string; pulledAt: string }
  | { row: 'booking-prune'; before: string }
  | { row: 'calendar-plan'; plan: CalendarPlan }
  // Retention: visits that started before `before` forget their person (PESEL hash), see
  // docs/bookings.md "How long a visit keeps its person".
  | { row: 'calendar-forget'; before: string }
  // A branch setting by key (walk-in pools, today's reopened services); null deletes it.
  | { row: 'setting'; key: string; value: string | null }
  | ProfileConfirmationRow;

/**
 * What a use case decided: the events to log and publish and the rows they change. `calledId`
 * names the ticket a call took from the line (it counts for priority mixing).
 */
export interface Decision {
  events: DomainEvent[];
  rows: RowChange[];
  calledId?: string;
}
