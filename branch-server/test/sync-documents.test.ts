import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentStatus, SyncStatus } from '@skr/protocol';
import { until, type TestBranch } from './harness';
import { docBody, startPortal, startSyncedBranch, untilDrained } from './sync-harness';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup(now?: () => Date) {
  const pue = await startPortal();
  cleanup.push(() => pue.stop());
  const b = await startSyncedBranch(pue, now ? { now } : {});
  cleanup.push(() => b.close());
  return { pue, b, kiosk: await b.device('kiosk') };
}

describe('document drop-off and outbox', () => {
  it('portal down the whole day, a restart in between: every document delivered exactly once', async () => {
    // The branch's clock walks through a working day; the portal is down all of it.
    let clock = new Date('2025-03-10T07:00:00Z').getTime();
    const now = () => new Date(clock);
    const pue = await startPortal();
    cleanup.push(() => pue.stop());
    pue.faults.set({ down: true });
    let b: TestBranch = await startSyncedBranch(pue, { now });
    const dir = b.dir;
    let kiosk = await b.device('kiosk');
    const sent: { id: string; sha256: string }[] = [];
    for (let i = 0; i < 40; i += 1) {
      clock += 15 * 60_000;
      if (i === 20) {
        // The branch server restarts in the middle of the day with the backlog on disk.
        await b.close(true);
        b = await startSyncedBranch(pue, { now, dir });
        kiosk = await b.device('kiosk');
      }
      const r = await b.api('POST', '/api/v1/documents', kiosk, docBody(i));
      expect(r.status).toBe(201);
      expect(r.body.status).toBe('queued');
      sent.push({ id: r.body.documentId, sha256: r.body.sha256 });
    }
    cleanup.push(() => b.close());
    const manager = await b.login('kierownik');
    await until(() => b.server.sync.status().outbox.lastError !== null);
    const during = SyncStatus.parse((await b.api('GET', '/api/v1/sync/status', manager)).body);
    expect(during.outbox.pending).toBe(40);
    expect(during.outbox.oldestAt).toBe('2025-03-10T07:15:00.000Z');
    expect(during.outbox.lastDeliveredAt).toBeNull();
    expect(pue.documents().count).toBe(0);

    pue.faults.clear();
    await untilDrained(b);
    const docs = pue.documents().items;
    expect(docs).toHaveLength(40);
    expect(new Set(docs.map((d) => d.upp.idempotencyKey)).size).toBe(40);
    expect(docs.map((d) => d.upp.sha256).sort()).toEqual(sent.map((s) => s.sha256).sort());
    for (const s of sent) {
      const st = DocumentStatus.parse(
        (await b.api('GET', `/api/v1/documents/${s.id}`, kiosk)).body,
      );
      expect(st.status).toBe('delivered');
      const portal = docs.find((d) => d.upp.sha256 === s.sha256)!;
      expect(st.upp).toEqual({ uppId: portal.upp.uppId, receivedAt: portal.upp.receivedAt });
    }
    // Delivered documents leave nothing personal behind at the branch.
    const left = b.server.db
      .prepare(
        `SELECT COUNT(*) AS n FROM documents WHERE content IS NOT NULL OR submitter_pesel IS NOT NULL`,
      )
      .get() as { n: number };
    expect(left.n).toBe(0);
    const after = SyncStatus.parse((await b.api('GET', '/api/v1/sync/status', manager)).body);
    expect(after.outbox).toMatchObject({ pending: 0, failed: 0, oldestAt: null, lastError: null });
    expect(after.outbox.lastDeliveredAt).not.toBeNull();
  }, 60_000);

  it('dropped responses and 500s: retried under the same key, no duplicate', async () => {
    const { pue, b, kiosk } = await setup();
    pue.faults.set({ dropResponses: true });
    for (let i = 0; i < 12; i += 1)
      expect((await b.api('POST', '/api/v1/documents', kiosk, docBody(i))).status).toBe(201);
    // The portal stores each once while the branch never hears back and keeps retrying.
    await until(() => pue.documents().count === 12 && pue.deliveries().replays >= 12, 15_000);
    expect(b.server.sync.status().outbox.pending).toBe(12);
    pue.faults.set({ dropResponses: false, error500Rate: 0.5 });
    await untilDrained(b);
    expect(pue.documents().count).toBe(12);
    expect(pue.deliveries().replays).toBeGreaterThanOrEqual(12);
  }, 40_000);

  it('takes a 10 MB scan and refuses what the portal would not take', async () => {
    const { pue, b, kiosk } = await setup();
    const big = Buffer.alloc(10 * 1024 * 1024, 0x20);
    big.write('%PDF-1.7\n');
    const ok = await b.api('POST', '/api/v1/documents', kiosk, {
      ...docBody('big', 'ERP-7'),
      contentB64: big.toString('base64'),
      pages: 40,
    });
    expect(ok.status).toBe(201);
    expect(ok.body.sha256).toBe(createHash('sha256').update(big).digest('hex'));
    const tooBig = Buffer.concat([big, Buffer.from('x')]);
    const r1 = await b.api('POST', '/api/v1/documents', kiosk, {
      ...docBody('too-big'),
      contentB64: tooBig.toString('base64'),
    });
    expect(r1.status).toBe(400);
    const r2 = await b.api('POST', '/api/v1/documents', kiosk, docBody(1, 'NO-SUCH-FORM'));
    expect(r2.status).toBe(400);
    const r3 = await b.api('POST', '/api/v1/documents', kiosk, {
      ...docBody(2),
      contentB64: Buffer.from('MZ not a document').toString('base64'),
    });
    expect(r3.status).toBe(400);
    const clerk = await b.login('urzednik1');
    expect((await b.api('POST', '/api/v1/documents', clerk, docBody(3))).status).toBe(403);
    expect((await b.api('GET', '/api/v1/sync/status', kiosk)).status).toBe(403);
    await untilDrained(b, 20_000);
    expect(pue.documents().items.map((d) => d.formCode)).toEqual(['ERP-7']);
    const forms = await b.api('GET', '/api/v1/document-forms', kiosk);
    expect(forms.body.forms.map((f: { code: string }) => f.code)).toEqual([
      'Z-15A',
      'ZAS-53',
      'ERP-7',
      'Rp-1E',
      'ZUA',
      'pismo',
    ]);
    expect(forms.body.forms[5].names).toEqual({
      pl: 'Pismo ogólne',
      en: 'General letter',
      uk: 'Загальний лист',
    });
  }, 40_000);
});
