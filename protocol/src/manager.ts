import { z } from 'zod';
import { Counter, Localized, QueueSettings, Service, Ticket } from './domain';
import { DeviceKind, Role } from './http';
import { DeviceStatus, DisplayConfig } from './socket';
import { CounterLabel, CounterNumber } from './counter-identity';

// Contracts of the branch manager: live monitor, statistics and configuration.

/** How a wait compares with its target: under 80 %, up to 100 %, over. */
export const TargetLevel = z.enum(['ok', 'warn', 'over']);
export type TargetLevel = z.infer<typeof TargetLevel>;

/** One service's line on the monitor. */
export const MonitorLine = z.object({
  serviceId: z.string(),
  names: Localized,
  prefix: z.string(),
  waiting: z.number().int(),
  priorityWaiting: z.number().int(),
  longestWaitMinutes: z.number(),
  targetWaitMinutes: z.number(),
  level: TargetLevel,
  estimatedWaitMinutes: z.number().int(),
  bookedDue: z.number().int(),
});
export type MonitorLine = z.infer<typeof MonitorLine>;

/** A counter on the monitor: its state since when, and the ticket in hand. */
export const MonitorCounter = Counter.extend({
  ticket: Ticket.nullable(),
  /** Last state change of the counter (open, break, close), if known. */
  stateSince: z.string().nullable(),
  /** Minutes the ticket in hand has been called or served. */
  ticketMinutes: z.number().nullable(),
});
export type MonitorCounter = z.infer<typeof MonitorCounter>;

/** A device (paired, or reported by the server such as an LED board) and its components' health. */
export const MonitorDevice = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  /** Has a socket connected now; null when the device keeps no socket (LED boards). */
  online: z.boolean().nullable(),
  components: z.array(DeviceStatus),
});
export type MonitorDevice = z.infer<typeof MonitorDevice>;

/** Something the manager must look at now. */
export const MonitorAlert = z.object({
  kind: z.enum(['target-missed', 'device-fault', 'device-offline', 'outbox-backlog']),
  /** Service id, device id, … */
  subject: z.string(),
  since: z.string().nullable(),
  code: z.string().nullable(),
  /** For a device fault: which part (printer, card-reader, …), so the page can name it. */
  component: z.string().nullable().default(null),
  detail: z.string(),
});
export type MonitorAlert = z.infer<typeof MonitorAlert>;

/** Everything the live monitor draws. */
export const MonitorSnapshot = z.object({
  at: z.string(),
  seq: z.number().int(),
  lines: z.array(MonitorLine),
  counters: z.array(MonitorCounter),
  devices: z.array(MonitorDevice),
  alerts: z.array(MonitorAlert),
});
export type MonitorSnapshot = z.infer<typeof MonitorSnapshot>;

/** Statistics period: the day, its ISO week (Mon–Sun) or its calendar month. */
export const StatsPeriod = z.enum(['day', 'week', 'month']);
export type StatsPeriod = z.infer<typeof StatsPeriod>;

export const StatsQuery = z.object({
  period: StatsPeriod.default('day'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date: YYYY-MM-DD'),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

/** Mean, median and 90th percentile of a duration in minutes (null when nothing was measured). */
export const DurationStats = z.object({
  n: z.number().int(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  p90: z.number().nullable(),
});
export type DurationStats = z.infer<typeof DurationStats>;

/** One row of a statistics table: a service, a counter, a clerk or the whole branch. */
export const StatsRow = z.object({
  key: z.string(),
  label: z.string(),
  issued: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  cancelled: z.number().int(),
  /** Left waiting, called or parked when the branch day ended. */
  expired: z.number().int(),
  bookingsKept: z.number().int(),
  bookingsMissed: z.number().int(),
  wait: DurationStats,
  service: DurationStats,
});
export type StatsRow = z.infer<typeof StatsRow>;

/** Booked visits kept (checked in) and missed (recorded as no-shows) and their no-show rate. */
export const NoShowRow = z.object({
  key: z.string(),
  kept: z.number().int(),
  missed: z.number().int(),
  /** missed / (kept + missed), 0..1; null when no booked visit was due. */
  rate: z.number().nullable(),
});
export type NoShowRow = z.infer<typeof NoShowRow>;

/** The no-show rate of booked visits in a period: per local day, per service and in total. */
export const NoShowRates = z.object({
  byDay: z.array(NoShowRow),
  byService: z.array(NoShowRow),
  total: NoShowRow,
});
export type NoShowRates = z.infer<typeof NoShowRates>;

/** Statistics of a period; percentiles come from 1-minute histograms (± 1 minute). */
export const StatsReport = z.object({
  period: StatsPeriod,
  from: z.string(),
  to: z.string(),
  total: StatsRow,
  byService: z.array(StatsRow),
  byCounter: z.array(StatsRow),
  byClerk: z.array(StatsRow),
  /** Tickets issued per local hour of the day (0–23), summed over the period. */
  byHour: z.array(z.object({ hour: z.number().int(), issued: z.number().int() })),
  /** Booked visits' no-show rate per day and service (issue 14). */
  noShowRate: NoShowRates.optional(),
  /** Milliseconds the server spent on the queries. */
  tookMs: z.number(),
});
export type StatsReport = z.infer<typeof StatsReport>;

/** Opening hours of a service at the kiosk: weekdays (1 = Monday) and a daily window. */
export const OpeningHours = z.object({
  days: z.array(z.number().int().min(1).max(7)).max(7),
  from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
});
export type OpeningHours = z.infer<typeof OpeningHours>;

/** A service as the admin edits it. */
export const ServiceConfig = Service.extend({ openingHours: OpeningHours.nullable() });
export type ServiceConfig = z.infer<typeof ServiceConfig>;

/** A counter's configurable part (its live state stays with the clerk). */
export const CounterConfig = z.object({
  name: z.string().trim().min(1).max(60),
  /** Public number; kept when changing a counter, chosen from the name or id when creating. */
  number: CounterNumber.optional(),
  /** Short sign instead of the number ("T9"); null removes it, absent keeps it. */
  label: CounterLabel.nullable().optional(),
  skills: z.record(z.string(), z.number().positive().max(10)),
});
export type CounterConfig = z.infer<typeof CounterConfig>;

/** A staff account as the admin edits it; a password only when setting a new one. */
export const UserConfig = z.object({
  role: Role,
  active: z.boolean(),
  password: z.string().min(12).max(256).optional(),
});
export type UserConfig = z.infer<typeof UserConfig>;

export const UserName = z.string().regex(/^[a-z0-9._-]{2,64}$/, 'user name: a–z, 0–9, . _ -');

/** A staff account as listed (never the password hash). */
export const UserInfo = z.object({ username: z.string(), role: Role, active: z.boolean() });
export type UserInfo = z.infer<typeof UserInfo>;

/** A paired device as the pairing list shows it. */
export const PairedDeviceRow = z.object({
  id: z.string(),
  kind: DeviceKind,
  name: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

/** A paired device as listed, with its screen settings when it is a display. */
export const DeviceInfo = PairedDeviceRow.extend({ displayConfig: DisplayConfig.nullable() });
export type DeviceInfo = z.infer<typeof DeviceInfo>;

/** The whole configuration, as the admin screen loads it. */
export const BranchConfig = z.object({
  services: z.array(ServiceConfig),
  counters: z.array(Counter),
  settings: QueueSettings,
  users: z.array(UserInfo),
  devices: z.array(DeviceInfo),
});
export type BranchConfig = z.infer<typeof BranchConfig>;

/** The rules the admin may change (the time zone is fixed at installation). */
export const SettingsConfig = QueueSettings.omit({ timeZone: true });
export type SettingsConfig = z.infer<typeof SettingsConfig>;

/** One audited configuration change: who, when, what (before → after). */
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  entity: z.enum(['service', 'counter', 'settings', 'user', 'device', 'display']),
  entityId: z.string(),
  action: z.enum(['create', 'update', 'revoke']),
  diff: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** GET /api/v1/config/audit. */
export const AuditResponse = z.object({ entries: z.array(AuditEntry) });

/** A freshly paired device: its token is shown this once. */
export const PairedDevice = z.object({ id: z.string(), token: z.string() });
