import { SkrError } from '@skr/protocol';
import { branchApi } from '@skr/protocol/routes';
import type { FastifyInstance } from 'fastify';
import { serve } from './api-route';
import { bearer } from './authorize';
import type { ApiContext } from './context';

/** Device pairing and revocation (admin), and device health reports (devices → monitor). */
export async function deviceRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  const { auth, branch } = ctx;
  serve(app, 'pairDevice', branchApi.pairDevice, (req, reply) =>
    reply.status(201).send(auth.createDevice(req.body.kind, req.body.name)),
  );
  serve(app, 'listDevices', branchApi.listDevices, () => ({ devices: auth.devices() }));
  serve(app, 'revokeDevice', branchApi.revokeDevice, (req, reply) => {
    auth.revokeDevice(req.params.id);
    return reply.status(204).send();
  });
  // A kiosk reports "printer: paper out" here; the manager's monitor sees it at once.
  serve(app, 'reportDeviceStatus', branchApi.reportDeviceStatus, (req, _reply, caller) => {
    const id = caller.subject.replace(/^device:/, '');
    const device = auth.devices().find((d) => d.id === id && d.revokedAt === null);
    if (!device) throw new SkrError('UNAUTHORIZED', 'unknown device');
    return branch.reportDeviceStatus(device, req.body, caller.subject);
  });
  // A device rotates its own credential before it expires (issue 13).
  serve(app, 'refreshDevice', branchApi.refreshDevice, (req) => auth.refreshDevice(bearer(req)));
  serve(app, 'deviceStatuses', branchApi.deviceStatuses, () => ({
    statuses: branch.deviceHealth(),
  }));
}
