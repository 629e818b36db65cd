import { CreateDeviceRequest, DeviceStatusReport, SkrError } from '@skr/protocol';
import type { FastifyInstance } from 'fastify';
import { allowed } from '../auth';
import { authorize } from './authorize';
import type { ApiContext } from './context';
import { parse } from './validate';

/** Device pairing and revocation (admin), and device health reports (devices → monitor). */
export async function deviceRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  const { auth, branch } = ctx;
  app.post('/api/v1/devices', async (req, reply) => {
    authorize(auth, req, allowed.manageDevices);
    const body = parse(CreateDeviceRequest, req.body);
    return reply.status(201).send(auth.createDevice(body.kind, body.name));
  });
  app.get('/api/v1/devices', async (req) => {
    authorize(auth, req, allowed.monitor);
    return { devices: auth.devices() };
  });
  app.post<{ Params: { id: string } }>('/api/v1/devices/:id/revoke', async (req, reply) => {
    authorize(auth, req, allowed.manageDevices);
    auth.revokeDevice(req.params.id);
    return reply.status(204).send();
  });
  // A kiosk reports "printer: paper out" here; the manager's monitor sees it at once.
  app.post('/api/v1/devices/status', async (req) => {
    const caller = authorize(auth, req, allowed.reportDeviceStatus);
    const report = parse(DeviceStatusReport, req.body);
    const id = caller.subject.replace(/^device:/, '');
    const device = auth.devices().find((d) => d.id === id && d.revokedAt === null);
    if (!device) throw new SkrError('UNAUTHORIZED', 'unknown device');
    return branch.reportDeviceStatus(device, report, caller.subject);
  });
  app.get('/api/v1/devices/status', async (req) => {
    authorize(auth, req, allowed.monitor);
    return { statuses: branch.deviceHealth() };
  });
}
