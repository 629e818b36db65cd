import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBranch, type TestBranch } from './harness';

// Issue 12: a client transferred from one service to another was counted as issued under the
// first and served under the second, so the second showed more served than issued.
let b: TestBranch;
beforeAll(async () => {
  b = await startTestBranch();
});
afterAll(async () => {
  await b?.close();
});

describe('statistics after a transfer to another service', () => {
  it('count the ticket under the service it ended in: served never exceeds issued', async () => {
    const kiosk = await b.device('kiosk');
    const jan = await b.login('urzednik1'); // counter 1: emerytury
    const ewa = await b.login('urzednik4'); // counter 4: zasiłki
    await b.api('POST', '/api/v1/counters/1/open', jan);
    await b.api('POST', '/api/v1/counters/4/open', ewa);
    const issue = async () =>
      (await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' })).body.id;
    const [moved, stays] = [await issue(), await issue()];

    const serve = async (token: string, counter: number, id: string) => {
      expect(
        (await b.api('POST', `/api/v1/counters/${counter}/call-next`, token)).body.ticket.id,
      ).toBe(id);
      await b.api('POST', `/api/v1/tickets/${id}/start`, token);
    };
    await serve(jan, 1, moved);
    const t = await b.api('POST', `/api/v1/tickets/${moved}/transfer`, jan, {
      serviceId: 'zasilki',
      position: 'front',
    });
    expect(t.status).toBe(200);
    await serve(jan, 1, stays);
    await b.api('POST', `/api/v1/tickets/${stays}/finish`, jan);
    await serve(ewa, 4, moved);
    await b.api('POST', `/api/v1/tickets/${moved}/finish`, ewa);

    const manager = await b.login('kierownik');
    // The branch's day (Warsaw), not UTC's: the two differ for an hour or two around midnight.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(
      b.branch.now(),
    );
    const report = (await b.api('GET', `/api/v1/manager/stats?period=day&date=${today}`, manager))
      .body;
    const row = (key: string) => report.byService.find((r: { key: string }) => r.key === key);
    expect(row('emerytury')).toMatchObject({ issued: 1, served: 1 });
    expect(row('zasilki')).toMatchObject({ issued: 1, served: 1 });
    expect(report.total).toMatchObject({ issued: 2, served: 2 });
    for (const r of report.byService) expect(r.served).toBeLessThanOrEqual(r.issued);
  });
});
