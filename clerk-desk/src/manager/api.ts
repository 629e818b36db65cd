import { ApiFailure, createCall, type Schema } from '../api/http-call';
import { LoginResponse } from '@skr/protocol/http';
import {
  AuditResponse,
  BranchConfig,
  PairedDevice,
  MonitorSnapshot,
  StatsReport,
  type CounterConfig,
  type ServiceConfig,
  type SettingsConfig,
  type StatsPeriod,
  type UserConfig,
} from '@skr/protocol/manager';
import type { DeviceKind } from '@skr/protocol/http';
import type { DisplayConfig } from '@skr/protocol/socket';
import { SyncStatus } from '@skr/protocol/branch-pue';

/** A failed call with the server's error code (or DISCONNECTED / TIMEOUT). */
export { ApiFailure as ManagerApiError };

const TIMEOUT_MS = 10_000;

/** The manager's HTTP calls, validated with the protocol's schemas. */
export function createManagerApi(origin: string, token: () => string | undefined) {
  const send = createCall(origin, token, TIMEOUT_MS);
  const call = async <T>(schema: Schema<T> | null, method: string, path: string, body?: unknown) =>
    (await send(schema, method, path, body)) as T;
  return {
    login: (username: string, password: string) =>
      call(LoginResponse, 'POST', '/api/v1/auth/login', { username, password }),
    logout: () => call(null, 'POST', '/api/v1/auth/logout'),
    monitor: () => call(MonitorSnapshot, 'GET', '/api/v1/manager/monitor'),
    /** The portal sync backlog; null when this server has no sync. */
    syncStatus: async () => {
      try {
        return await call(SyncStatus, 'GET', '/api/v1/sync/status');
      } catch (e) {
        if (e instanceof ApiFailure && e.code === 'NOT_FOUND') return null;
        throw e;
      }
    },
    stats: (period: StatsPeriod, date: string) =>
      call(StatsReport, 'GET', `/api/v1/manager/stats?period=${period}&date=${date}`),
    config: () => call(BranchConfig, 'GET', '/api/v1/config'),
    audit: (limit = 50) => call(AuditResponse, 'GET', `/api/v1/config/audit?limit=${limit}`),
    saveService: (s: ServiceConfig) =>
      call(null, 'PUT', `/api/v1/config/services/${encodeURIComponent(s.id)}`, s),
    saveCounter: (id: number | null, c: CounterConfig) =>
      id === null
        ? call(null, 'POST', '/api/v1/config/counters', c)
        : call(null, 'PUT', `/api/v1/config/counters/${id}`, c),
    saveSettings: (s: SettingsConfig) => call(null, 'PUT', '/api/v1/config/settings', s),
    saveUser: (username: string, u: UserConfig) =>
      call(null, 'PUT', `/api/v1/config/users/${encodeURIComponent(username)}`, u),
    createDevice: (kind: DeviceKind, name: string) =>
      call(PairedDevice, 'POST', '/api/v1/config/devices', {
        kind,
        name,
      }),
    revokeDevice: (id: string) => call(null, 'POST', `/api/v1/config/devices/${id}/revoke`),
    saveDisplay: (id: string, c: DisplayConfig) =>
      call(null, 'PUT', `/api/v1/config/devices/${id}/display`, c),
  };
}
export type ManagerApi = ReturnType<typeof createManagerApi>;
