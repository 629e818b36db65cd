import { describe, expect, it } from 'vitest';
import { sharedTestBranch } from './harness';

// The manager's "open again for today" is a settings row keyed by its day (issue 14). The end of
// the day drops the rows of earlier days, so they never pile up; today's stays until its day is
// over and the pool (not a day's row) stays. The clock is injected and moved, nothing sleeps.

let now = new Date('2026-12-01T09:00:00Z');
const b = sharedTestBranch({ now: () => now });

/** The reopening rows in the branch's database. */
const reopenRows = () =>
  b
    .query<{ key: string }>(`SELECT key FROM settings WHERE key LIKE 'walkin-%' ORDER BY key`)
    .map((r) => r.key);

describe('walk-in reopenings at the end of the day', () => {
  it("drops earlier days' reopenings and keeps today's and the pool", async () => {
    let manager = await b.freshLogin('kierownik');
    const kiosk = await b.device('kiosk');
    const base = '/api/v1/manager/walk-in-cutoffs/zasilki';
    expect((await b.api('PUT', `${base}/pool`, manager, { dailyPool: 0 })).status).toBe(200);
    const reopen = async () => {
      manager = await b.freshLogin('kierownik');
      const r = await b.api('POST', `${base}/reopen`, manager, { open: true });
      expect(r.body).toMatchObject({ reopened: true, cut: false, reason: 'pool' });
    };
    await reopen();
    expect((await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'zasilki' })).status).toBe(
      201,
    );

    now = new Date('2026-12-01T17:00:00Z');
    manager = await b.freshLogin('kierownik');
    expect((await b.api('POST', '/api/v1/manager/end-day', manager)).status).toBe(200);
    // Ending Tuesday leaves Tuesday's row: the reopening was for the day that just ended.
    expect(reopenRows()).toEqual(['walkin-pool:zasilki', 'walkin-reopened:2026-12-01:zasilki']);

    // Wednesday: Tuesday's reopening no longer counts, the pool cuts the service off again.
    now = new Date('2026-12-02T08:00:00Z');
    manager = await b.freshLogin('kierownik');
    const list = await b.api('GET', '/api/v1/manager/walk-in-cutoffs', manager);
    expect(
      list.body.services.find((s: { serviceId: string }) => s.serviceId === 'zasilki'),
    ).toMatchObject({ reopened: false, cut: true, reason: 'pool' });
    expect((await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'zasilki' })).status).toBe(
      409,
    );
    await reopen();
    expect(reopenRows()).toEqual([
      'walkin-pool:zasilki',
      'walkin-reopened:2026-12-01:zasilki',
      'walkin-reopened:2026-12-02:zasilki',
    ]);

    now = new Date('2026-12-02T17:00:00Z');
    manager = await b.freshLogin('kierownik');
    expect((await b.api('POST', '/api/v1/manager/end-day', manager)).status).toBe(200);
    expect(reopenRows()).toEqual(['walkin-pool:zasilki', 'walkin-reopened:2026-12-02:zasilki']);
  });
});
