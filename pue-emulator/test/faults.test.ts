import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BRANCH, BRANCH_KEY, sampleDocument, harnessPerTest } from './harness';

describe('fault switches', () => {
  const h = harnessPerTest();
  const health = () => h.call('GET', '/v1/health');
  const submit = (key: string) =>
    h.call('POST', `/v1/branches/${BRANCH}/documents`, {
      body: sampleDocument().body,
      headers: { 'x-branch-key': BRANCH_KEY, 'idempotency-key': key },
    });

  it('down: connections are cut without an answer until cleared', async () => {
    expect((await health()).status).toBe(200);
    h.emu.faults.set({ down: true });
    await expect(health()).rejects.toThrow();
    await expect(submit(randomUUID())).rejects.toThrow();
    expect(h.emu.documents().count).toBe(0);
    h.emu.faults.clear();
    expect((await health()).status).toBe(200);
  });

  it('down can be switched off over the control route', async () => {
    h.emu.faults.set({ down: true });
    await expect(health()).rejects.toThrow();
    const r = await h.call('DELETE', '/__emulator/faults');
    expect(r.body).toEqual({ down: false, slowMs: 0, error500Rate: 0, dropResponses: false });
    expect((await health()).status).toBe(200);
  });

  it('slowMs: answers arrive no sooner than the delay', async () => {
    h.emu.faults.set({ slowMs: 300 });
    const t = performance.now();
    expect((await health()).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(290);
    h.emu.faults.clear();
    const t2 = performance.now();
    await health();
    expect(performance.now() - t2).toBeLessThan(200);
  });

  it('error500Rate: 500 INTERNAL before anything is done', async () => {
    h.emu.faults.set({ error500Rate: 1 });
    const r = await submit(randomUUID());
    expect(r.status).toBe(500);
    expect(r.body).toEqual({ code: 'INTERNAL', message: 'Injected fault: internal server error' });
    expect(h.emu.documents().count).toBe(0);
    const put = await h.call('PUT', '/__emulator/faults', { body: { error500Rate: 0 } });
    expect(put.body.error500Rate).toBe(0);
    expect((await submit(randomUUID())).status).toBe(201);
  });

  it('dropResponses: the work is done but the answer is lost; the retry gets the same UPP', async () => {
    const key = randomUUID();
    h.emu.faults.set({ dropResponses: true });
    await expect(submit(key)).rejects.toThrow();
    expect(h.emu.documents().count).toBe(1);
    h.emu.faults.clear();
    const retry = await submit(key);
    expect(retry.status).toBe(200);
    expect(retry.body.uppId).toBe(h.emu.documents().items[0]?.upp.uppId);
    expect(h.emu.documents().count).toBe(1);
  });
});
