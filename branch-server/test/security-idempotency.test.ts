import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@skr/pue-emulator';
import { PueProfile, PueSession } from '@skr/protocol';
import { docBody, portalBed } from './sync-harness';

// Issue 13: a kiosk that retries a write (its answer lost, or too slow) must not make a second
// ticket, archive order or document. Retries carry the same Idempotency-Key and get the first
// answer again, also while the first is still waiting for the portal.
const bed = portalBed();

async function kioskCall(
  method: string,
  path: string,
  opts: { session?: string; body?: unknown; key?: string; token?: string } = {},
) {
  const res = await fetch(bed.b.url + path, {
    method,
    headers: {
      authorization: `Bearer ${opts.token ?? bed.kiosk}`,
      ...(opts.session ? { 'x-pue-session': opts.session } : {}),
      ...(opts.key ? { 'idempotency-key': opts.key } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

async function portalSession(): Promise<string> {
  const started = await kioskCall('POST', '/api/v1/pue/auth/password', {
    body: { login: DEMO_LOGINS[0]!.login, password: DEMO_PASSWORD },
  });
  const code = bed.pue.outbox().at(-1)!.code;
  const done = await kioskCall('POST', '/api/v1/pue/auth/password/verify', {
    body: { attemptId: started.body.attemptId, code },
  });
  return PueSession.parse(done.body).token;
}

describe('idempotent kiosk writes (issue 13)', () => {
  it('a retried ticket issue makes one ticket', async () => {
    const before = bed.b.branch.view().active.size;
    const key = 'ticket-retry-0001';
    const body = { serviceId: 'emerytury' };
    const first = await kioskCall('POST', '/api/v1/tickets', { body, key });
    const retry = await kioskCall('POST', '/api/v1/tickets', { body, key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replay')).toBe('true');
    expect(bed.b.branch.view().active.size).toBe(before + 1);
    // Without a key (or with another one) a second ticket is what the kiosk asked for.
    const other = await kioskCall('POST', '/api/v1/tickets', { body, key: 'ticket-retry-0002' });
    expect(other.body.id).not.toBe(first.body.id);
    expect(bed.b.branch.view().active.size).toBe(before + 2);
  });

  it('a key reused with another body is refused; keys are per device', async () => {
    const key = 'ticket-reuse-0001';
    await kioskCall('POST', '/api/v1/tickets', { body: { serviceId: 'emerytury' }, key });
    const reused = await kioskCall('POST', '/api/v1/tickets', {
      body: { serviceId: 'zasilki' },
      key,
    });
    expect(reused.status).toBe(409);
    const second = await bed.b.device('kiosk', 'kiosk 2');
    const before = bed.b.branch.view().active.size;
    const otherKiosk = await kioskCall('POST', '/api/v1/tickets', {
      body: { serviceId: 'emerytury' },
      key,
      token: second,
    });
    expect(otherKiosk.status).toBe(201);
    expect(bed.b.branch.view().active.size).toBe(before + 1);
    expect((await kioskCall('POST', '/api/v1/tickets', { body: {}, key: 'short' })).status).toBe(
      400,
    );
  });

  it('a retried archive order, sent while the first waits for a slow portal, makes one order', async () => {
    const session = await portalSession();
    const me = PueProfile.parse((await kioskCall('GET', '/api/v1/pue/me', { session })).body);
    const account = me.accounts.find((a) => a.kind === 'individual')!;
    const path = `/api/v1/pue/accounts/${account.id}/archive-orders`;
    const count = async () =>
      (await kioskCall('GET', path, { session })).body.items.length as number;
    const before = await count();
    bed.pue.faults.set({ slowMs: 400 });
    const key = 'archive-order-retry-1';
    const body = { fromYear: 1999, toYear: 2003 };
    // The kiosk gave up on the first (its answer never came) and sends the same order again.
    const first = kioskCall('POST', path, { session, body, key });
    await new Promise((r) => setTimeout(r, 100));
    const retry = kioskCall('POST', path, { session, body, key });
    const [a, c] = await Promise.all([first, retry]);
    bed.pue.faults.clear();
    expect(a.status).toBe(201);
    expect(c.status).toBe(201);
    expect(c.body).toEqual(a.body);
    expect(await count()).toBe(before + 1);
  });

  it('a retried document drop-off makes one document', async () => {
    const key = 'document-retry-0001';
    const first = await kioskCall('POST', '/api/v1/documents', { body: docBody('idem'), key });
    const retry = await kioskCall('POST', '/api/v1/documents', { body: docBody('idem'), key });
    expect(first.status).toBe(201);
    expect(retry.body.documentId).toBe(first.body.documentId);
    const rows = bed.b.server.db
      .prepare('SELECT COUNT(*) AS n FROM documents WHERE file_name = ?')
      .get('skan-idem.pdf') as { n: number };
    expect(rows.n).toBe(1);
  });

  it('a failure the portal caused is not kept: the retry runs again', async () => {
    const session = await portalSession();
    const me = PueProfile.parse((await kioskCall('GET', '/api/v1/pue/me', { session })).body);
    const account = me.accounts.find((a) => a.kind === 'individual')!;
    const path = `/api/v1/pue/accounts/${account.id}/archive-orders`;
    const key = 'archive-order-down-1';
    const body = { fromYear: 2010, toYear: 2011 };
    bed.pue.faults.set({ down: true });
    expect((await kioskCall('POST', path, { session, body, key })).status).toBe(503);
    bed.pue.faults.clear();
    expect((await kioskCall('POST', path, { session, body, key })).status).toBe(201);
  });
});
