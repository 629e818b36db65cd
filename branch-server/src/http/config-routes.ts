import { branchApi } from '@skr/protocol/routes';
import type { FastifyInstance } from 'fastify';
import { configAdmin } from '../config-admin/config-admin';
import { serve } from './api-route';
import type { ApiContext } from './context';

/** Configuration by the admin without restart, every change audited. */
export async function configRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  const admin = configAdmin(ctx.branch, ctx.auth);

  serve(app, 'getConfig', branchApi.getConfig, () => admin.config());
  serve(app, 'configAudit', branchApi.configAudit, (req) => ({
    entries: admin.audit(req.query.limit, req.query.before),
  }));
  serve(app, 'saveService', branchApi.saveService, (req, _reply, caller) => ({
    diff: admin.saveService(req.params.id, req.body, caller.subject),
  }));
  serve(app, 'createCounter', branchApi.createCounter, (req, reply, caller) =>
    reply.status(201).send({ counter: admin.saveCounter(undefined, req.body, caller.subject) }),
  );
  serve(app, 'saveCounter', branchApi.saveCounter, (req, _reply, caller) => ({
    counter: admin.saveCounter(req.params.id, req.body, caller.subject),
  }));
  serve(app, 'saveSettings', branchApi.saveSettings, (req, _reply, caller) => ({
    diff: admin.saveSettings(req.body, caller.subject),
  }));
  serve(app, 'saveUser', branchApi.saveUser, async (req, _reply, caller) => ({
    diff: await admin.saveUser(req.params.username, req.body, caller.subject),
  }));
  serve(app, 'configPairDevice', branchApi.configPairDevice, (req, reply, caller) =>
    reply.status(201).send(admin.createDevice(req.body.kind, req.body.name, caller.subject)),
  );
  serve(app, 'configRevokeDevice', branchApi.configRevokeDevice, (req, reply, caller) => {
    admin.revokeDevice(req.params.id, caller.subject);
    return reply.status(204).send();
  });
  serve(app, 'saveDeviceDisplay', branchApi.saveDeviceDisplay, (req, _reply, caller) => ({
    diff: admin.saveDisplayConfig(req.params.id, req.body, caller.subject),
  }));
}
