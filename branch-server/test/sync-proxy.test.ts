import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@skr/pue-emulator';
import {
  PueAccountData,
  PueArchiveOrderList,
  PueCardChallenge,
  PueProfile,
  PueSession,
} from '@skr/protocol';
import { callApi, type TestBranch } from './harness';
import { docBody, startPortal, startSyncedBranch, untilDrained } from './sync-harness';

let pue: Awaited<ReturnType<typeof startPortal>>;
let b: TestBranch;
let kiosk: string;
beforeAll(async () => {
  pue = await startPortal();
  b = await startSyncedBranch(pue);
  kiosk = await b.device('kiosk');
});
afterAll(async () => {
  await b?.close();
  await pue?.stop();
});

/** A call with the kiosk token and, optionally, the client's PUE session. */
function kioskCall(method: string, path: string, session?: string, body?: unknown) {
  return callApi(b.url, method, path, kiosk, body, session ? { 'x-pue-session': session } : {});
}

async function login(who: string): Promise<string> {
  const started = await kioskCall('POST', '/api/v1/pue/auth/password', undefined, {
    login: who,
    password: DEMO_PASSWORD,
  });
  expect(started.status).toBe(200);
  const code = pue.outbox().at(-1)!.code;
  const done = await kioskCall('POST', '/api/v1/pue/auth/password/verify', undefined, {
    attemptId: started.body.attemptId,
    code,
  });
  expect(done.status).toBe(200);
  return PueSession.parse(done.body).token;
}

describe('kiosk portal proxy', () => {
  it('logs in with password + code, reads the profile and account data, orders archives, logs out', async () => {
    const anna = DEMO_LOGINS[0]!;
    const session = await login(anna.login);
    const me = PueProfile.parse((await kioskCall('GET', '/api/v1/pue/me', session)).body);
    expect(me.pesel).toBe(anna.pesel);
    const account = me.accounts.find((a) => a.kind === 'individual')!;
    const data = await kioskCall('GET', `/api/v1/pue/accounts/${account.id}?role=insured`, session);
    expect(data.status).toBe(200);
    expect(PueAccountData.parse(data.body).insured?.contributionBases).toHaveLength(12);
    const order = await kioskCall(
      'POST',
      `/api/v1/pue/accounts/${account.id}/archive-orders`,
      session,
      { fromYear: 2001, toYear: 2005 },
    );
    expect(order.status).toBe(201);
    const orders = await kioskCall(
      'GET',
      `/api/v1/pue/accounts/${account.id}/archive-orders`,
      session,
    );
    expect(PueArchiveOrderList.parse(orders.body).items).toHaveLength(1);
    // A drop-off with the session is attributed to the client at the portal, then forgotten here.
    const doc = await kioskCall('POST', '/api/v1/documents', session, docBody('anna'));
    expect(doc.status).toBe(201);
    await untilDrained(b);
    const portalDb = new Database(join(pue.dir, 'pue.sqlite'), { readonly: true });
    const row = portalDb.prepare('SELECT submitter_pesel AS p FROM documents').get() as {
      p: string;
    };
    portalDb.close();
    expect(row.p).toBe(anna.pesel);
    expect((await kioskCall('POST', '/api/v1/pue/auth/logout', session)).status).toBe(204);
    const gone = await kioskCall('GET', '/api/v1/pue/me', session);
    expect(gone.status).toBe(401);
    expect(gone.body.code).toBe('UNAUTHORIZED');

    // Nothing personal stays at the branch: neither the session token nor the PESEL nor the
    // client's name is anywhere in the branch database files.
    const files = readdirSync(b.dir).filter((f) => f.startsWith('branch.sqlite'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const bytes = readFileSync(join(b.dir, f));
      expect(bytes.includes(Buffer.from(session))).toBe(false);
      expect(bytes.includes(Buffer.from(anna.pesel))).toBe(false);
      expect(bytes.includes(Buffer.from('Kowalska'))).toBe(false);
    }
  });

  it('passes portal refusals through with their code and checks bodies before sending', async () => {
    const wrong = await kioskCall('POST', '/api/v1/pue/auth/password', undefined, {
      login: 'anna.kowalska',
      password: 'not-the-right-password',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('UNAUTHORIZED');
    const short = await kioskCall('POST', '/api/v1/pue/auth/password', undefined, {
      login: 'anna.kowalska',
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('INVALID');
    expect((await kioskCall('GET', '/api/v1/pue/me')).status).toBe(401);
    const challenge = await kioskCall('POST', '/api/v1/pue/auth/card/challenge');
    expect(PueCardChallenge.parse(challenge.body).challengeB64).toBeTruthy();
    const session = await login('jan.nowak');
    const foreign = await kioskCall('GET', '/api/v1/pue/accounts/acc_nope', session);
    expect([403, 404]).toContain(foreign.status);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(foreign.body.code);
  });

  it('needs a kiosk token and answers 503 UNAVAILABLE while the portal is down', async () => {
    const clerk = await b.login('urzednik1');
    expect((await b.api('GET', '/api/v1/pue/me', undefined)).status).toBe(401);
    expect((await b.api('POST', '/api/v1/pue/auth/card/challenge', clerk)).status).toBe(403);
    pue.faults.set({ down: true });
    try {
      const r = await kioskCall('POST', '/api/v1/pue/auth/card/challenge');
      expect(r.status).toBe(503);
      expect(r.body.code).toBe('UNAVAILABLE');
      // The drop-off still works (anonymously: the portal cannot say whose session it is).
      const doc = await kioskCall('POST', '/api/v1/documents', 'stale-session', docBody('down'));
      expect(doc.status).toBe(201);
    } finally {
      pue.faults.clear();
    }
    await untilDrained(b);
  });
});
