import { z } from 'zod';
import { Counter, Ticket } from './domain';
import type { BranchTime } from './branch-clock';
import { QueueSnapshot } from './http';
import type { Ack } from './errors';

/** Every state change the branch publishes, in the order of the event log. */
export const BranchEventType = z.enum([
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.finished',
  'ticket.no-show',
  'ticket.parked',
  'ticket.returned',
  'ticket.transferred',
  'ticket.cancelled',
  'ticket.expired',
  'counter.opened',
  'counter.closed',
  'counter.paused',
  'booking.created',
  'booking.cancelled',
  'booking.rebooked',
  // A booked visit of an ended day that never checked in (reported to the portal as a no-show).
  'booking.no-show',
  'device.status',
  'config.changed',
]);
export type BranchEventType = z.infer<typeof BranchEventType>;

/** A device's health report (a kiosk's printer out of paper, a screen's audio failing…). */
export const DeviceStatusReport = z.object({
  // `gateway`: the branch's SMS gateway and mail server (notifications, issue 15).
  component: z.enum(['printer', 'card-reader', 'screen', 'audio', 'led-board', 'gateway']),
  ok: z.boolean(),
  code: z.string().max(40).optional(),
  message: z.string().max(300).optional(),
});
export type DeviceStatusReport = z.infer<typeof DeviceStatusReport>;

/** The last report of a component of a device, as the branch keeps it. */
export const DeviceStatus = DeviceStatusReport.extend({
  deviceId: z.string(),
  deviceName: z.string(),
  kind: z.string(),
  at: z.string(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const BranchEvent = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  type: BranchEventType,
  ticket: Ticket.optional(),
  counter: Counter.optional(),
  /** Who did it: a username or a device id; never personal data of clients. */
  actor: z.string().nullable(),
  /** For `device.status`: the device's report. */
  device: DeviceStatus.optional(),
  /** For `booking.*` of the calendar: which visit (staff views only; public views drop it). */
  booking: z
    .object({
      code: z.string(),
      serviceId: z.string().optional(),
      start: z.string().optional(),
      /** For `booking.rebooked`: the code of the visit it replaced (now cancelled). */
      previousCode: z.string().optional(),
    })
    .optional(),
});
export type BranchEvent = z.infer<typeof BranchEvent>;

/** socket.io handshake `auth`: the token, and the last sequence number seen (to resume). */
export const SocketAuth = z.object({
  token: z.string().min(1),
  lastSeq: z.number().int().min(0).optional(),
});
export type SocketAuth = z.infer<typeof SocketAuth>;

/** Namespaces: `/display`, `/counter`, `/kiosk`. */
export const SocketNamespace = z.enum(['/display', '/counter', '/kiosk']);
export type SocketNamespace = z.infer<typeof SocketNamespace>;

/** Server → client events, the same on every namespace. */
export interface ServerToClientEvents {
  /** Sent once after connect when no `lastSeq` was given (or it is too old to replay). */
  snapshot: (snapshot: QueueSnapshot) => void;
  /** A state change, in sequence order; replayed from `lastSeq` after a reconnect. */
  event: (event: BranchEvent) => void;
  /** Replay after a reconnect is complete; live events follow. */
  resumed: (info: { fromSeq: number; toSeq: number }) => void;
  /** The branch's clock and zone: first after connect (every namespace), then every minute. */
  'branch:time': (time: BranchTime) => void;
  /** `/display` only: this screen's settings, after connect and whenever a manager changes them. */
  'display:config': (config: DisplayConfig) => void;
}

/** Client → server events (request/response with acknowledgement). */
export interface ClientToServerEvents {
  /** Asks for a fresh snapshot of the queue. */
  'queue:snapshot': (ack: (res: Ack<QueueSnapshot>) => void) => void;
}

/**
 * Id of a call's announcement audio: `GET /api/v1/audio/{id}.wav` (e.g. `pl-A123-7`); with
 * `short`, its burst form read while more calls wait (`pl-A123-7-short`).
 */
export function announcementId(
  lang: string,
  ticketNumber: string,
  counterId: number,
  short = false,
): string {
  return `${lang}-${ticketNumber.toUpperCase()}-${counterId}${short ? '-short' : ''}`;
}

/** A screen's settings, set by the manager and fetched by the screen with its device token. */
export const DisplayConfig = z.object({
  /** Services shown (all when empty). */
  services: z.array(z.string()),
  /** Language of the spoken announcement. */
  voiceLang: z.enum(['pl', 'en', 'uk']),
  /** 0 (mute) … 1. */
  volume: z.number().min(0).max(1),
  /** The scrolling message line. */
  message: z.string().max(300),
  /** How many past calls the screen lists. */
  historySize: z.number().int().min(6).max(10),
});
export type DisplayConfig = z.infer<typeof DisplayConfig>;

export const defaultDisplayConfig: DisplayConfig = {
  services: [],
  voiceLang: 'pl',
  volume: 1,
  message: 'Zapraszamy. Prosimy o przygotowanie dokumentu tożsamości.',
  historySize: 8,
};
