import { CreateDeviceRequest, DisplayConfig, SkrError, type Principal } from '@skr/protocol';
import {
  CounterConfig,
  ServiceConfig,
  SettingsConfig,
  UserConfig,
  UserName,
} from '@skr/protocol/manager';
import type { FastifyInstance } from 'fastify';
import { allowed } from '../auth';
import { configAdmin } from '../config-admin/config-admin';
import { authorize } from './authorize';
import type { ApiContext } from './context';
import { counterIdOf } from './queue-routes';
import { parse } from './validate';

/** Only the admin changes the configuration; the manager reads it. */
const changeConfig: readonly Principal[] = ['admin'];

/** Configuration by the admin without restart, every change audited. */
export async function configRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  const { auth } = ctx;
  const admin = configAdmin(ctx.branch, auth);
  const who = (req: Parameters<typeof authorize>[1]) => authorize(auth, req, changeConfig).subject;

  app.get('/api/v1/config', async (req) => {
    authorize(auth, req, allowed.monitor);
    return admin.config();
  });
  app.get<{ Querystring: { limit?: string; before?: string } }>(
    '/api/v1/config/audit',
    async (req) => {
      authorize(auth, req, allowed.monitor);
      const limit = Number(req.query.limit ?? 100);
      const before = req.query.before === undefined ? undefined : Number(req.query.before);
      if (
        !Number.isInteger(limit) ||
        limit < 1 ||
        limit > 1000 ||
        (before !== undefined && !Number.isInteger(before))
      )
        throw new SkrError('INVALID', 'limit must be 1–1000 and before an entry id');
      return { entries: admin.audit(limit, before) };
    },
  );
  app.put<{ Params: { id: string } }>('/api/v1/config/services/:id', async (req) => {
    const actor = who(req);
    const body = parse(ServiceConfig, req.body);
    return { diff: admin.saveService(req.params.id, body, actor) };
  });
  app.post('/api/v1/config/counters', async (req, reply) => {
    const actor = who(req);
    const counter = admin.saveCounter(undefined, parse(CounterConfig, req.body), actor);
    return reply.status(201).send({ counter });
  });
  app.put<{ Params: { id: string } }>('/api/v1/config/counters/:id', async (req) => {
    const actor = who(req);
    const id = counterIdOf(req.params.id);
    return { counter: admin.saveCounter(id, parse(CounterConfig, req.body), actor) };
  });
  app.put('/api/v1/config/settings', async (req) => {
    const actor = who(req);
    return { diff: admin.saveSettings(parse(SettingsConfig, req.body), actor) };
  });
  app.put<{ Params: { username: string } }>('/api/v1/config/users/:username', async (req) => {
    const actor = who(req);
    const username = parse(UserName, req.params.username);
    return { diff: await admin.saveUser(username, parse(UserConfig, req.body), actor) };
  });
  app.post('/api/v1/config/devices', async (req, reply) => {
    const actor = who(req);
    const body = parse(CreateDeviceRequest, req.body);
    return reply.status(201).send(admin.createDevice(body.kind, body.name, actor));
  });
  app.post<{ Params: { id: string } }>('/api/v1/config/devices/:id/revoke', async (req, reply) => {
    const actor = who(req);
    admin.revokeDevice(req.params.id, actor);
    return reply.status(204).send();
  });
  app.put<{ Params: { id: string } }>('/api/v1/config/devices/:id/display', async (req) => {
    const actor = who(req);
    return { diff: admin.saveDisplayConfig(req.params.id, parse(DisplayConfig, req.body), actor) };
  });
}
