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
const DeviceCredentialResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  refreshAfter: z.string(),
});

/** A device with no credential asks to be paired as this kind. */
const PairingStartRequest = z.object({ kind: DeviceKind });

/** The code the device shows, and the claim secret only it keeps (never shown, never in a URL). */
const PairingTicketResponse = z.object({
  code: z.string().describe('8 characters to show on the screen; the admin types it'),
  claim: z.string().describe('secret the device polls with; whoever reads the code lacks it'),
  expiresAt: z.string(),
  pollMs: z.number().int().positive().describe('how often to ask whether the admin approved'),
});

/** The device's poll. */
const PairingClaimRequest = z.object({ claim: z.string().min(20).max(100) });

/** Still waiting for the admin, or paired: the device's own credential, given this once. */
const PairingClaimResponse = z.discriminatedUnion('state', [
  z.object({ state: z.literal('waiting') }),
  DeviceCredentialResponse.extend({
    state: z.literal('paired'),
    id: z.string(),
    kind: DeviceKind,
    name: z.string(),
  }),
]);

/** What the admin types: the code on the device, and the device's name and kind. */
const PairingApproveRequest = z.object({
  code: z.string().trim().min(4).max(16),
  kind: DeviceKind,
  name: z.string().trim().min(1).max(80),
});

/** Device pairing and revocation (admin), and device health reports (devices → monitor). */
export const deviceRoutes = {
  startPairing: branchRoute({
    method: 'POST',
    path: '/api/v1/devices/pairing',
    tag: 'devices',
    summary: 'A device without a credential asks for a pairing code to show',
    description:
      'Public. The code is valid 5 minutes and used once; 5 codes a minute per address, 20 ' +
      'waiting branch-wide (429 beyond). The device then polls `/api/v1/devices/pairing/claim` ' +
      'with its `claim`.',
    access: 'public',
    body: PairingStartRequest,
    responses: { 201: PairingTicketResponse },
  }),
  claimPairing: branchRoute({
    method: 'POST',
    path: '/api/v1/devices/pairing/claim',
    tag: 'devices',
    summary: 'A device collects its credential once the admin entered its code',
    description:
      'Public, but only the device knows its `claim`. `waiting` until approved; the credential ' +
      'is answered once; 404 once the code expired (ask for a new one).',
    access: 'public',
    body: PairingClaimRequest,
    responses: { 200: PairingClaimResponse },
  }),
  approvePairing: branchRoute({
    method: 'POST',
    path: '/api/v1/devices/pairing/approve',
    tag: 'devices',
    summary: 'The admin pairs the device showing a code (audited)',
    description:
      'The kind must be the one the device asked for (409 otherwise). Unknown, used or expired ' +
      'code: 404; 10 wrong codes a minute: 429.',
    access: access.manageDevices,
    body: PairingApproveRequest,
    responses: { 201: PairedDeviceRow.pick({ id: true, kind: true, name: true }) },
  }),
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
