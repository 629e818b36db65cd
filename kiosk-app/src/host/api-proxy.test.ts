import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branchApi } from '@skr/protocol/routes';
import {
  BRANCH_TIMEOUT_MS,
  PORTAL_TIMEOUT_MS,
  createBranchClient,
  waitsOnPortal,
} from '../devices/branch-client';
import { registerApiProxy } from './api-proxy';

// A stand-in branch on port 0 that answers some kiosk routes slowly, and the host's proxy in
// front of it, both real Fastify servers on loopback. Timeouts are scaled down: ordinary routes
// 100 ms, portal routes 600 ms; the branch takes 300 ms for both.
const SLOW_MS = 300;
let branch: FastifyInstance;
let host: FastifyInstance;
let hostUrl: string;
const seen: { url: string; auth?: string; session?: string }[] = [];

async function startHost(branchUrl: string) {
  const app = Fastify({ forceCloseConnections: true });
  registerApiProxy(
    app,
    createBranchClient({
      origin: branchUrl,
      token: 'dev-token',
      timeoutMs: 100,
      portalTimeoutMs: 600,
    }),
  );
  return { app, url: await app.listen({ port: 0, host: '127.0.0.1' }) };
}

beforeAll(async () => {
  branch = Fastify({ forceCloseConnections: true });
  branch.addHook('onRequest', async (req) => {
    seen.push({
      url: req.url,
      auth: req.headers.authorization,
      session: req.headers['x-pue-session'] as string | undefined,
    });
    await new Promise((r) => setTimeout(r, SLOW_MS));
  });
  branch.get('/api/v1/services', async () => ({ services: [] }));
  branch.post('/api/v1/pue/auth/logout', async (_req, reply) => reply.status(204).send());
  branch.get('/api/v1/pue/me', async (_req, reply) =>
    reply.status(401).send({ code: 'UNAUTHORIZED', message: 'Sesja wygasła.' }),
  );
  const branchUrl = await branch.listen({ port: 0, host: '127.0.0.1' });
  ({ app: host, url: hostUrl } = await startHost(branchUrl));
});
afterAll(async () => {
  await host?.close();
  await branch?.close();
});

describe('kiosk host → branch', () => {
  it('waits longer than the branch waits for the portal, only on portal routes', () => {
    expect(PORTAL_TIMEOUT_MS).toBeGreaterThan(10_000); // the branch's wait for the portal
    expect(BRANCH_TIMEOUT_MS).toBeLessThan(PORTAL_TIMEOUT_MS);
    expect(waitsOnPortal('pueMe')).toBe(true);
    expect(waitsOnPortal('pueCardLogin')).toBe(true);
    expect(waitsOnPortal('listServices')).toBe(false);
    expect(waitsOnPortal('issueTicket')).toBe(false);
  });

  it('a slow portal route is waited for; a slow ordinary route is 504 TIMEOUT', async () => {
    const logout = await fetch(`${hostUrl}${branchApi.pueLogout.path}`, {
      method: 'POST',
      headers: { 'x-pue-session': 's3ss10n' },
    });
    expect(logout.status).toBe(204);
    expect(seen.at(-1)).toMatchObject({ auth: 'Bearer dev-token', session: 's3ss10n' });
    const services = await fetch(`${hostUrl}${branchApi.listServices.path}`);
    expect(services.status).toBe(504);
    expect(await services.json()).toMatchObject({ code: 'TIMEOUT' });
  });

  it("passes the branch's own error on with its status and code", async () => {
    const me = await fetch(`${hostUrl}${branchApi.pueMe.path}`);
    expect(me.status).toBe(401);
    expect(await me.json()).toEqual({ code: 'UNAUTHORIZED', message: 'Sesja wygasła.' });
  });

  it('serves no route the kiosk page must not reach (the ticket goes through the bridge)', async () => {
    const before = seen.length;
    const r = await fetch(`${hostUrl}${branchApi.issueTicket.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 'emerytury' }),
    });
    expect(r.status).toBe(404);
    expect(seen.length).toBe(before);
  });

  it('a branch that cannot be reached is 503 UNAVAILABLE', async () => {
    const gone = Fastify();
    const url = await gone.listen({ port: 0, host: '127.0.0.1' });
    await gone.close();
    const h = await startHost(url);
    try {
      const r = await fetch(`${h.url}${branchApi.documentForms.path}`);
      expect(r.status).toBe(503);
      expect(await r.json()).toMatchObject({ code: 'UNAVAILABLE' });
    } finally {
      await h.app.close();
    }
  });
});
