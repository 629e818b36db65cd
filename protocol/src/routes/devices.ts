import { z } from 'zod';
import { CreateDeviceRequest, CreateDeviceResponse, DeviceKind } from '../http';
import { PairedDeviceRow } from '../manager';
import { DeviceStatus, DeviceStatusReport } from '../socket';
import { IdParams } from './params';
import { access } from './roles';
import { NoContent, branchRoute } from './route';

// The pairing list shows the configuration's device rows without the screen settings.
export { PairedDeviceRow };

/** A device's new credential: the token, when it stops working and when to refresh it. */
export const DeviceCredentialResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  refreshAfter: z.string(),
});

/** Device pairing and revocation (admin), and device health reports (devices → monitor). */
export const deviceRoutes = {
  pairDevice: branchRoute({
    method: 'POST',
    path: '/api/v1/devices',
    tag: 'devices',
    summary: 'Pairs a device; its token is shown this once',
    access: access.manageDevices,
    body: CreateDeviceRequest,
    responses: { 201: CreateDeviceResponse },
  }),
  listDevices: branchRoute({
    method: 'GET',
    path: '/api/v1/devices',
    tag: 'devices',
    summary: 'Paired devices, revoked ones included',
    access: access.monitor,
    responses: { 200: z.object({ devices: z.array(PairedDeviceRow) }) },
  }),
  revokeDevice: branchRoute({
    method: 'POST',
    path: '/api/v1/devices/:id/revoke',
    tag: 'devices',
    summary: 'Revokes a device and its token',
    access: access.manageDevices,
    params: IdParams,
    responses: { 204: NoContent },
  }),
  reportDeviceStatus: branchRoute({
    method: 'POST',
    path: '/api/v1/devices/status',
    tag: 'devices',
    summary: "A device component's health (printer paper out, …)",
    description: 'A change is logged and pushed as `device.status` to the monitor.',
    access: access.reportDeviceStatus,
    body: DeviceStatusReport,
    responses: { 200: z.object({ changed: z.boolean() }) },
  }),
  refreshDevice: branchRoute({
    method: 'POST',
    path: '/api/v1/devices/refresh',
    tag: 'devices',
    summary: "Exchanges a device's valid token for a new one with a full lifetime",
    description:
      'Call after `refreshAfter`. The presented token keeps working 10 minutes more (requests ' +
      'in flight), then only the new one does. Staff sessions are refused (403); an expired or ' +
      'revoked token cannot refresh (401).',
    // The device roles: the same set that reports its health.
    access: access.reportDeviceStatus,
    responses: { 200: DeviceCredentialResponse },
  }),
  deviceStatuses: branchRoute({
    method: 'GET',
    path: '/api/v1/devices/status',
    tag: 'devices',
    summary: 'Latest status of every device component',
    access: access.monitor,
    responses: { 200: z.object({ statuses: z.array(DeviceStatus) }) },
  }),
};
