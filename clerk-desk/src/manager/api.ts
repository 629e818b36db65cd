import { isSkrError } from '@skr/protocol/errors';
import type { DeviceKind } from '@skr/protocol/http';
import type {
  CounterConfig,
  ServiceConfig,
  SettingsConfig,
  StatsPeriod,
  UserConfig,
} from '@skr/protocol/manager';
import type { DisplayConfig } from '@skr/protocol/socket';
import type { CalendarPlan } from '@skr/protocol/calendar';
import { createBranchClient } from '../api/branch-client';

const TIMEOUT_MS = 10_000;

/** The manager's HTTP calls, validated with the route table's schemas; failures are SkrError. */
export function createManagerApi(origin: string, token: () => string | undefined) {
  const client = createBranchClient(origin, token, TIMEOUT_MS);
  return {
    login: (username: string, password: string) =>
      client.call('login', { body: { username, password } }),
    logout: () => client.call('logout'),
    monitor: () => client.call('monitor'),
    /** The portal sync backlog; null when this server has no sync. */
    syncStatus: async () => {
      try {
        return await client.call('syncStatus');
      } catch (e) {
        if (isSkrError(e, 'NOT_FOUND')) return null;
        throw e;
      }
    },
    /** Notifications sent, failed and pending, and each channel's state (counts only). */
    notifications: () => client.call('notifyStats'),
    /** Walk-in cut-off per service (issue 14) and the manager's reopening for today. */
    walkInCutoffs: () => client.call('listWalkInCutoffs'),
    reopenWalkIns: (serviceId: string, open: boolean) =>
      client.call('reopenWalkIns', { params: { serviceId }, body: { open } }),
    /** Ends the branch day now: counters close, leftover tickets expire (audited by the server). */
    endDay: () => client.call('endDay'),
    /** Sets (null removes) a service's daily walk-in pool; audited at the branch. */
    setWalkInPool: (serviceId: string, dailyPool: number | null) =>
      client.call('setWalkInPool', { params: { serviceId }, body: { dailyPool } }),
    stats: (period: StatsPeriod, date: string) => client.call('stats', { query: { period, date } }),
    config: () => client.call('getConfig'),
    audit: (limit = 50) => client.call('configAudit', { query: { limit } }),
    saveService: (s: ServiceConfig) =>
      client.call('saveService', { params: { id: s.id }, body: s }),
    saveCounter: (id: number | null, c: CounterConfig) =>
      id === null
        ? client.call('createCounter', { body: c })
        : client.call('saveCounter', { params: { id }, body: c }),
    saveSettings: (s: SettingsConfig) => client.call('saveSettings', { body: s }),
    saveUser: (username: string, u: UserConfig) =>
      client.call('saveUser', { params: { username }, body: u }),
    createDevice: (kind: DeviceKind, name: string) =>
      client.call('configPairDevice', { body: { kind, name } }),
    /** Pairs the device showing `code` (it collects its own credential; none is shown here). */
    approvePairing: (code: string, kind: DeviceKind, name: string) =>
      client.call('approvePairing', { body: { code, kind, name } }),
    revokeDevice: (id: string) => client.call('configRevokeDevice', { params: { id } }),
    /** The calendar plan of booked visits (null before one is saved). */
    calendarPlan: () => client.call('getCalendarPlan'),
    /** Saves the plan; CONFLICT reason "stranded" lists the visits unless `acceptStranded`. */
    saveCalendarPlan: (plan: CalendarPlan, acceptStranded = false) =>
      client.call('putCalendarPlan', { body: { plan, acceptStranded } }),
    /** One local day's slots: booked against capacity per service. */
    calendarDay: (day: string) => client.call('getCalendarDay', { query: { day } }),
    saveDisplay: (id: string, c: DisplayConfig) =>
      client.call('saveDeviceDisplay', { params: { id }, body: c }),
  };
}
/** The manager's HTTP client. */
export type ManagerApi = ReturnType<typeof createManagerApi>;
