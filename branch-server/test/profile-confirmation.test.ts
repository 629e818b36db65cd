// Profile confirmation at the counter (issue 16) through HTTP with the real PUE stand-in: the
// decision is audited, goes out through the outbox and reaches the portal exactly once, also
// when answers are lost and the branch server is stopped and started again in between.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, DEMO_REGISTRATIONS } from '@skr/pue-emulator';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { until, type TestBranch } from './harness';
import { startPortal, startSyncedBranch, untilDrained } from './sync-harness';

const reg = (login: string) => DEMO_REGISTRATIONS.find((r) => r.login === login)!;
const idCard = { type: 'dowod-osobisty', number: 'ABA300000', validUntil: '2035-05-31' };

/** A portal stand-in and a branch synced to it, with a data folder of their own. */
interface Bed {
  pue: Awaited<ReturnType<typeof startPortal>>;
  b: TestBranch;
  dir: string;
}
async function startBed(): Promise<Bed> {
  const dir = mkdtempSync(join(tmpdir(), 'skr-profile-'));
  const pue = await startPortal();
  return { pue, b: await startSyncedBranch(pue, { dir }), dir };
}
async function stopBed(bed: Bed | undefined): Promise<void> {
  await bed?.b.close();
  await bed?.pue.stop();
  if (bed) rmSync(bed.dir, { recursive: true, force: true });
}

// The checks that decide nothing share one bed; each decision gets a bed of its own (see
// below), so a retried attempt never meets its first attempt's decision ("already decided").
let shared: Bed;
beforeAll(async () => {
  shared = await startBed();
}, 30_000);
afterAll(() => stopBed(shared));

/** The calls a clerk of `bed`'s branch makes, and what its portal has. */
function at(bed: Bed) {
  const post = async (path: string, body: unknown) =>
    bed.b.api(
      'POST',
      `/api/v1/profile-confirmations/${path}`,
      await bed.b.login('urzednik12'),
      body,
    );
  return {
    post,
    idOf: async (login: string) => (await post('lookup', { login })).body.registrationId,
    portalReg: (login: string) => bed.pue.registrations().filter((r) => r.login === login),
  };
}

describe('profile confirmation at the counter', () => {
  it('finds a registration by PESEL with its days left; an 8-day-old one is expired', async () => {
    const { post } = at(shared);
    const r = await post('lookup', { pesel: reg('tomasz.wojcik').pesel });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ login: 'tomasz.wojcik', status: 'pending', daysLeft: 4 });
    const old = await post('lookup', { login: 'adam.krol' });
    expect(old.body).toMatchObject({ status: 'expired', daysLeft: -1 });
    expect((await post('lookup', { login: 'nikt.taki' })).status).toBe(404);
  });

  describe('each decision in a portal and branch of its own', () => {
    let own: Bed | undefined;
    beforeEach(async () => {
      own = await startBed();
    }, 30_000);
    afterEach(async () => {
      await stopBed(own);
      own = undefined;
    });

    it('confirms once through the outbox although the answer is lost, and audits it', async () => {
      const { b, pue } = own!;
      const { post, idOf, portalReg } = at(own!);
      const registrationId = await idOf('tomasz.wojcik');
      const before = pue.deliveries();
      // Slow, so the delivery is still in flight when its answer starts being cut.
      pue.faults.set({ slowMs: 400 });
      const r = await post('confirm', { registrationId, document: idCard });
      pue.faults.set({ dropResponses: true });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({
        state: 'queued',
        document: { type: 'dowod-osobisty', maskedNumber: 'ABA****00' },
      });
      await until(() => pue.deliveries().received >= before.received + 2, 10_000);
      pue.faults.clear();
      await untilDrained(b);
      expect(portalReg('tomasz.wojcik')).toMatchObject([
        { status: 'confirmed', branchId: 'o-101' },
      ]);
      // The profile is active: the kiosk's ordinary password login through the branch takes it.
      const kiosk = await b.device('kiosk');
      const login = await b.api('POST', '/api/v1/pue/auth/password', kiosk, {
        login: 'tomasz.wojcik',
        password: DEMO_PASSWORD,
      });
      expect(login.status).toBe(200);
      expect(login.body.attemptId).toEqual(expect.any(String));
      expect(pue.deliveries().replays).toBeGreaterThan(before.replays);
      const again = await post('confirm', { registrationId, document: idCard });
      expect(again.status).toBe(409);
      expect(again.body.details.reason).toBe('already-decided');
      const audit = b.branch.profiles.audit();
      expect(audit).toMatchObject([
        { registrationId, decision: 'confirm', actor: 'user:urzednik12', reason: null },
      ]);
      // The full number is nowhere in the branch's database, only its masked form.
      const dump = JSON.stringify([
        b.server.db.prepare('SELECT * FROM profile_confirmations').all(),
        b.server.db.prepare('SELECT payload, response FROM outbox').all(),
      ]);
      expect(dump).toContain('ABA****00');
      expect(dump).not.toContain('ABA300000');
    });

    it('refuses with a reason exactly once across a lost answer and a server restart', async () => {
      const bed = own!;
      const { pue } = bed;
      const { post, idOf, portalReg } = at(bed);
      const registrationId = await idOf('ewa.kaminska');
      const kiosk = await bed.b.device('kiosk');
      const before = await bed.b.api('POST', '/api/v1/pue/auth/password', kiosk, {
        login: 'ewa.kaminska',
        password: DEMO_PASSWORD,
      });
      // Not confirmed yet: the portal does not know the login.
      expect(before.status).toBe(401);
      expect((await post('refuse', { registrationId, reason: ' ' })).status).toBe(400);
      pue.faults.set({ slowMs: 400 });
      const reason = 'Zdjęcie w dokumencie nie przedstawia tej osoby';
      const r = await post('refuse', { registrationId, reason });
      pue.faults.set({ dropResponses: true });
      expect(r.status).toBe(201);
      // The portal has applied it; the branch never heard back and is stopped with it pending.
      await until(() => portalReg('ewa.kaminska')[0]?.status === 'refused', 10_000);
      await bed.b.close(true);
      pue.faults.clear();
      const replaysBefore = pue.deliveries().replays;
      bed.b = await startSyncedBranch(pue, { dir: bed.dir });
      const b = bed.b;
      await untilDrained(b);
      expect(pue.deliveries().replays).toBeGreaterThan(replaysBefore);
      expect(portalReg('ewa.kaminska')).toMatchObject([{ status: 'refused', reason }]);
      expect(b.server.sync.status().outbox.failed).toBe(0);
      // Audited once, and the audit outlived the restart.
      expect(b.branch.profiles.audit()).toMatchObject([
        { registrationId, decision: 'refuse', actor: 'user:urzednik12', reason },
      ]);
    }, 30_000);
  });

  it('refuses to confirm an 8-day-old registration and queues nothing', async () => {
    const { b } = shared;
    const { post, idOf, portalReg } = at(shared);
    const registrationId = await idOf('adam.krol');
    const pending = b.server.sync.status().outbox;
    const r = await post('confirm', { registrationId, document: idCard });
    expect(r.status).toBe(409);
    expect(r.body.details.reason).toBe('expired');
    expect(b.server.sync.status().outbox).toEqual(pending);
    expect(portalReg('adam.krol')[0]?.status).toBe('expired');
  });

  it('checks the document: ID card check digit, pattern per type, validity', async () => {
    const { b } = shared;
    const { post, idOf } = at(shared);
    const audited = b.branch.profiles.audit();
    const registrationId = await idOf('zofia.mazur');
    const wrong = async (document: object) =>
      (await post('confirm', { registrationId, document: { ...idCard, ...document } })).body
        .details;
    expect(await wrong({ number: 'ABA300001' })).toMatchObject({
      reason: 'document-number',
      problem: 'check',
    });
    expect(await wrong({ type: 'paszport' })).toMatchObject({ problem: 'format' });
    expect(await wrong({ validUntil: '2020-01-01' })).toMatchObject({
      reason: 'document-expired',
    });
    expect(b.branch.profiles.audit()).toEqual(audited);
  });

  it('says the portal is down, and records nothing, while it cannot be asked', async () => {
    const { b, pue } = shared;
    const { post } = at(shared);
    const audited = b.branch.profiles.audit();
    pue.faults.set({ down: true });
    try {
      const registrationId = 'reg_any';
      const look = await post('lookup', { login: 'zofia.mazur' });
      expect(look.status).toBe(503);
      expect(look.body.message).toContain(
        'portal niedostępny — potwierdzenie możliwe po przywróceniu połączenia',
      );
      const r = await post('confirm', { registrationId, document: idCard });
      expect(r.status).toBe(503);
      expect(b.branch.profiles.audit()).toEqual(audited);
    } finally {
      pue.faults.clear();
    }
  });

  it('lets a clerk and a manager in, not a kiosk', async () => {
    const { b } = shared;
    const kiosk = await b.device('kiosk');
    const r = await b.api('POST', '/api/v1/profile-confirmations/lookup', kiosk, {
      login: 'zofia.mazur',
    });
    expect(r.status).toBe(403);
    const manager = await b.login('kierownik');
    const m = await b.api('POST', '/api/v1/profile-confirmations/lookup', manager, {
      login: 'zofia.mazur',
    });
    expect(m.status).toBe(200);
  });
});
