import { SkrError } from '@skr/protocol';
import { branchApi } from '@skr/protocol/routes';
import type { FastifyInstance } from 'fastify';
import { pairingCodes } from '../auth';
import { serve } from './api-route';
import { bearer } from './authorize';
import type { ApiContext } from './context';

/** Device pairing and revocation (admin), and device health reports (devices → monitor). */
export async function deviceRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  const { auth, branch } = ctx;
  const pairing = pairingCodes({ now: () => branch.now() });
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
  // Pairing by code (issue 13): no token in a URL; the device collects its credential itself.
  serve(app, 'startPairing', branchApi.startPairing, (req, reply) =>
    reply.status(201).send({ ...pairing.start(req.ip, req.body.kind), pollMs: 2000 }),
  );
  serve(app, 'claimPairing', branchApi.claimPairing, (req) => {
    const paired = pairing.collect(req.body.claim);
    return paired ? { state: 'paired' as const, ...paired } : { state: 'waiting' as const };
  });
  serve(app, 'approvePairing', branchApi.approvePairing, (req, reply, caller) => {
    const { code, kind: asked } = pairing.find(req.body.code);
    if (asked !== req.body.kind)
      throw new SkrError('CONFLICT', `the device showing this code asked to be a ${asked}`, {
        details: { asked },
      });
    // Through the audited pipeline (who paired what, when); the first token is exchanged at
    // once for one with a known expiry, so the device learns when to refresh it.
    const created = branch.admin.createDevice(asked, req.body.name, caller.subject);
    const credential = auth.refreshDevice(created.token);
    pairing.approve(code, { id: created.id, kind: asked, name: req.body.name, ...credential });
    return reply.status(201).send({ id: created.id, kind: asked, name: req.body.name });
  });
  serve(app, 'deviceStatuses', branchApi.deviceStatuses, () => ({
    statuses: branch.deviceHealth(),
  }));
}
