import { z } from 'zod';
import { Counter } from '../domain';
import { CreateDeviceRequest } from '../http';
import {
  AuditResponse,
  BranchConfig,
  CounterConfig,
  PairedDevice,
  ServiceConfig,
  SettingsConfig,
  UserConfig,
  UserName,
} from '../manager';
import { DisplayConfig } from '../socket';
import { CounterIdParams, IdParams, queryInt } from './params';
import { access } from './roles';
import { NoContent, branchRoute } from './route';

/** What a configuration change changed, field by field (empty when nothing did). */
export const ConfigDiff = z.object({
  diff: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});

/** `GET /api/v1/config/audit` query: newest first, `before` an entry id for the next page. */
export const AuditQuery = z.object({
  limit: queryInt().min(1).max(1000).default(100),
  before: queryInt().optional(),
});

const CounterBody = z.object({ counter: Counter });

/** Configuration by the admin without restart, every change audited; the manager reads it. */
export const configRoutes = {
  getConfig: branchRoute({
    method: 'GET',
    path: '/api/v1/config',
    tag: 'config',
    summary: 'The whole configuration',
    access: access.monitor,
    responses: { 200: BranchConfig },
  }),
  configAudit: branchRoute({
    method: 'GET',
    path: '/api/v1/config/audit',
    tag: 'config',
    summary: 'Audited configuration changes, newest first',
    access: access.monitor,
    query: AuditQuery,
    responses: { 200: AuditResponse },
  }),
  saveService: branchRoute({
    method: 'PUT',
    path: '/api/v1/config/services/:id',
    tag: 'config',
    summary: 'Creates or changes a service',
    access: access.changeConfig,
    params: IdParams,
    body: ServiceConfig,
    responses: { 200: ConfigDiff },
  }),
  createCounter: branchRoute({
    method: 'POST',
    path: '/api/v1/config/counters',
    tag: 'config',
    summary: 'Adds a counter',
    description:
      'Without `number` the counter takes the number at the end of its name, else its id, else ' +
      'the lowest free one. 409 CONFLICT with details.reason counter-number-taken or ' +
      'counter-sign-taken when another counter has the number or shows the same sign.',
    access: access.changeConfig,
    body: CounterConfig,
    responses: { 201: CounterBody },
  }),
  saveCounter: branchRoute({
    method: 'PUT',
    path: '/api/v1/config/counters/:id',
    tag: 'config',
    summary: "Changes a counter's name, public number, label and skills",
    description:
      'An absent `number` or `label` keeps it (label null removes it). 409 CONFLICT with ' +
      'details.reason counter-number-taken or counter-sign-taken, as when adding.',
    access: access.changeConfig,
    params: CounterIdParams,
    body: CounterConfig,
    responses: { 200: CounterBody },
  }),
  saveSettings: branchRoute({
    method: 'PUT',
    path: '/api/v1/config/settings',
    tag: 'config',
    summary: 'Changes the queue rules',
    access: access.changeConfig,
    body: SettingsConfig,
    responses: { 200: ConfigDiff },
  }),
  saveUser: branchRoute({
    method: 'PUT',
    path: '/api/v1/config/users/:username',
    tag: 'config',
    summary: 'Creates or changes a staff account',
    access: access.changeConfig,
    params: z.object({ username: UserName }),
    body: UserConfig,
    responses: { 200: ConfigDiff },
  }),
  configPairDevice: branchRoute({
    method: 'POST',
    path: '/api/v1/config/devices',
    tag: 'config',
    summary: 'Pairs a device (audited); its token is shown this once',
    access: access.changeConfig,
    body: CreateDeviceRequest,
    responses: { 201: PairedDevice },
  }),
  configRevokeDevice: branchRoute({
    method: 'POST',
    path: '/api/v1/config/devices/:id/revoke',
    tag: 'config',
    summary: 'Revokes a device (audited)',
    access: access.changeConfig,
    params: IdParams,
    responses: { 204: NoContent },
  }),
  saveDeviceDisplay: branchRoute({
    method: 'PUT',
    path: '/api/v1/config/devices/:id/display',
    tag: 'config',
    summary: "Sets a screen's configuration (audited)",
    access: access.changeConfig,
    params: IdParams,
    body: DisplayConfig,
    responses: { 200: ConfigDiff },
  }),
};
