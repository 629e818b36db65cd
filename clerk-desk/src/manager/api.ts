import { ApiError, type ErrorCode } from '@skr/protocol/errors';
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
export class ManagerApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ManagerApiError';
  }
}

const TIMEOUT_MS = 10_000;

/** Anything with zod's safeParse. */
interface Schema<T> {
  safeParse(v: unknown): { success: true; data: T } | { success: false };
}

/** The manager's HTTP calls, validated with the protocol's schemas. */
export function createManagerApi(origin: string, token: () => string | undefined) {
  async function call<T>(schema: Schema<T> | null, method: string, path: string, body?: unknown) {
    const t = token();
    let res: Response;
    try {
      res = await fetch(origin + path, {
        method,
        headers: {
          ...(t ? { authorization: `Bearer ${t}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          'accept-language': document.documentElement.lang || 'pl',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      const timeout = e instanceof DOMException && e.name === 'TimeoutError';
      throw new ManagerApiError(timeout ? 'TIMEOUT' : 'DISCONNECTED', String(e));
    }
    const text = await res.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      const err = ApiError.safeParse(json);
      throw err.success
        ? new ManagerApiError(err.data.code, err.data.message)
        : new ManagerApiError('INTERNAL', `HTTP ${res.status}`);
    }
    if (!schema) return undefined as T;
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ManagerApiError('INTERNAL', `unexpected answer to ${path}`);
    return parsed.data;
  }
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
        if (e instanceof ManagerApiError && e.code === 'NOT_FOUND') return null;
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
