// Issue 13, the kiosk host's side: it trusts only the branch CA (pinned, not the system store),
// pairs by a code when it has no credential, keeps that credential in a 0600 file, renews it,
// forgets it when refused, and retries a write whose answer was lost with the same
// Idempotency-Key (one ticket, not two). A real branch over TLS with CAs made in the test.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSkrError } from '@skr/protocol/errors';
import { TEST_PASSWORD, startTestBranch, type TestBranch } from '../../branch-server/test/harness';
import { loadTls, makeBranchCa, makeServerCert } from '../../branch-server/src/tls';
import { createBranchClient } from '../src/devices/branch-client';
import { credentialFile } from '../src/host/credential-file';
import { startKioskCredential } from '../src/host/kiosk-credential';
import { pinnedFetch } from '../src/host/pinned-fetch';

const dir = mkdtempSync(join(tmpdir(), 'skr-kiosk-tls-'));
let b: TestBranch;
let branchCa: Buffer;
let otherCa: Buffer;
beforeAll(async () => {
  const ca = await makeBranchCa({ dir: join(dir, 'ca'), name: 'SKR test branch CA' });
  const other = await makeBranchCa({ dir: join(dir, 'other'), name: 'Someone else' });
  const cert = await makeServerCert({ dir: join(dir, 'server'), ca, hosts: ['127.0.0.1'] });
  branchCa = readFileSync(ca.certPath);
  otherCa = readFileSync(other.certPath);
  b = await startTestBranch({ https: await loadTls(cert.certPath, cert.keyPath) });
}, 60_000);
afterAll(async () => {
  await b?.close();
  rmSync(dir, { recursive: true, force: true });
});

// The harness's helpers use the global fetch, which does not trust a CA made here: calls of the
// test itself go through the pinned fetch too, devices are paired on the server object.
async function api(method: string, path: string, token?: string, body?: unknown) {
  const res = await pinnedFetch(branchCa)(b.url + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
const device = async (name = 'kiosk test') => b.server.auth.createDevice('kiosk', name).token;
const adminToken = async () => (await b.server.auth.login('admin', TEST_PASSWORD)).token;

/** The innermost cause of an error chain. */
function rootCause(e: unknown): unknown {
  let c = e;
  while (c instanceof Error && c.cause !== undefined) c = c.cause;
  return c;
}

describe('kiosk host trusts only the branch CA', () => {
  it('talks to the branch whose certificate the branch CA signed', async () => {
    expect(b.url).toMatch(/^https:/);
    const client = createBranchClient({
      origin: b.url,
      token: await device(),
      fetch: pinnedFetch(branchCa),
    });
    const { services } = await client.call('listServices');
    expect(services.length).toBeGreaterThan(0);
  });

  it('refuses a server certificate from another CA, and plain HTTP', async () => {
    const client = createBranchClient({
      origin: b.url,
      token: await device(),
      fetch: pinnedFetch(otherCa),
    });
    const err = await client.call('listServices').catch((e: unknown) => e);
    expect(isSkrError(err, 'UNAVAILABLE')).toBe(true);
    expect((rootCause(err) as NodeJS.ErrnoException).code).toMatch(
      /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT/,
    );
    await expect(pinnedFetch(branchCa)('http://127.0.0.1:9/api/v1/health')).rejects.toThrow(
      /not HTTPS/,
    );
  });
});

describe('kiosk credential', () => {
  it('pairs by code when it has none and keeps the credential in a 0600 file', async () => {
    // A folder per attempt: CI's retry would find the first attempt's credential and not pair.
    const file = credentialFile(join(mkdtempSync(join(dir, 'k1-')), 'credential.json'));
    const codes: string[] = [];
    const admin = await adminToken();
    const credential = await startKioskCredential({
      branchUrl: b.url,
      fetch: pinnedFetch(branchCa),
      file,
      onCode: (c) => {
        codes.push(c.code);
        // The admin types the code shown on the kiosk's screen.
        void api('POST', '/api/v1/devices/pairing/approve', admin, {
          code: c.code,
          kind: 'kiosk',
          name: 'Biletomat przy drzwiach',
        });
      },
      onRefused: () => expect.fail('not refused'),
    });
    try {
      expect(codes).toHaveLength(1);
      expect(statSync(file.path).mode & 0o777).toBe(0o600);
      const stored = await file.read();
      expect(stored?.token).toBe(credential.token());
      expect(stored?.refreshAfter).toBeTruthy();
      // The token in the file is a kiosk's: it issues tickets.
      const r = await api('POST', '/api/v1/tickets', credential.token(), {
        serviceId: 'emerytury',
      });
      expect(r.status).toBe(201);
    } finally {
      credential.stop();
    }
    // The next start reads the file: no new code.
    const again = await startKioskCredential({
      branchUrl: b.url,
      fetch: pinnedFetch(branchCa),
      file,
      onCode: () => expect.fail('already paired'),
      onRefused: () => expect.fail('not refused'),
    });
    expect(again.token()).toBe(credential.token());
    again.stop();
  }, 30_000);

  it('renews the installer’s token at once, and forgets a refused credential', async () => {
    // A folder and a device name per attempt: CI's retry would find the first attempt's file and
    // revoke the first attempt's device "k2".
    const k2 = basename(mkdtempSync(join(dir, 'k2-')));
    const file = credentialFile(join(dir, k2, 'credential.json'));
    const first = await device(k2);
    const credential = await startKioskCredential({
      branchUrl: b.url,
      fetch: pinnedFetch(branchCa),
      file,
      initialToken: first,
      onCode: () => expect.fail('has a token'),
      onRefused: () => expect.fail('not refused'),
    });
    await expect.poll(() => credential.token(), { timeout: 5000 }).not.toBe(first);
    credential.stop();
    await expect.poll(async () => (await file.read())?.token).toBe(credential.token());
    expect((await api('GET', '/api/v1/queue', credential.token())).status).toBe(200);

    // Revoked by the admin: the next renewal is refused, the file is removed.
    const admin = await adminToken();
    const { devices } = (await api('GET', '/api/v1/devices', admin)).body as {
      devices: { id: string; name: string }[];
    };
    const id = devices.find((d) => d.name === k2)!.id;
    expect((await api('POST', `/api/v1/devices/${id}/revoke`, admin)).status).toBe(204);
    await file.write({ token: credential.token(), refreshAfter: new Date(0).toISOString() });
    let refused = 0;
    const revoked = await startKioskCredential({
      branchUrl: b.url,
      fetch: pinnedFetch(branchCa),
      file,
      onCode: () => expect.fail('not yet'),
      onRefused: () => refused++,
    });
    await expect.poll(() => refused, { timeout: 5000 }).toBe(1);
    expect(await file.read()).toBeNull();
    revoked.stop();
  }, 30_000);
});

describe('idempotent kiosk writes', () => {
  it('a ticket whose answer was lost is asked again with the same key: one ticket', async () => {
    const pinned = pinnedFetch(branchCa);
    const keys: string[] = [];
    let dropped = 0;
    // The branch handles the first try, but its answer never reaches the kiosk (cut cable).
    const lossy: typeof fetch = async (input, init) => {
      const res = await pinned(input, init);
      if (String(input).endsWith('/api/v1/tickets')) {
        keys.push(new Headers(init?.headers).get('idempotency-key') ?? '');
        if (dropped++ === 0) {
          await res.arrayBuffer();
          throw new TypeError('fetch failed', { cause: new Error('ECONNRESET') });
        }
      }
      return res;
    };
    const client = createBranchClient({
      origin: b.url,
      token: await device(),
      fetch: lossy,
    });
    const before = b.branch.view().active.size;
    const ticket = await client.call('issueTicket', { body: { serviceId: 'zasilki' } });
    expect(ticket.number).toBeTruthy();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(b.branch.view().active.size).toBe(before + 1);
  });
});
