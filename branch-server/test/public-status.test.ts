// The public status (issue 14): per service waiting, now served, estimated wait, open counters
// and next free slot, without a token and without personal data; the page at /status; and the
// push to the portal stand-in's national list "kolejki w placówkach".
import { afterAll, describe, expect, it } from 'vitest';
import { sharedTestBranch } from './harness';
import { BRANCH_ID, startPortal, startSyncedBranch } from './sync-harness';
import { weeklyPlan } from './booking-plan';

// Tuesday 2026-12-01 09:00 in Warsaw; the plan offers Wednesday 10:00–10:30 on 2 counters.
let offsetMs = 0;
const NOW = Date.parse('2026-12-01T08:00:00Z');
const now = () => new Date(NOW + offsetMs);
const plan = weeklyPlan({ weekdays: [3], from: '10:00', to: '10:30', counters: ['s01', 's02'] });

const b = sharedTestBranch({ now });

describe('GET /api/v1/public/status and /status', () => {
  it('answers without a token: lines, the number called last, open counters, no personal data', async () => {
    const kiosk = await b.device('kiosk');
    const clerk = await b.login('urzednik1');
    await b.api('POST', '/api/v1/counters/1/open', clerk);
    for (let i = 0; i < 3; i += 1)
      await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' });
    const called = await b.api('POST', '/api/v1/counters/1/call-next', clerk);
    expect(called.status).toBe(200);
    offsetMs += 10_000; // past the 5 s cache
    const r = await b.api('GET', '/api/v1/public/status');
    expect(r.status).toBe(200);
    const emerytury = r.body.services.find(
      (s: { serviceId: string }) => s.serviceId === 'emerytury',
    );
    expect(emerytury.waiting).toBe(2);
    expect(emerytury.nowServing).toBe(called.body.ticket.number);
    expect(emerytury.openCounters).toBeGreaterThanOrEqual(1);
    expect(emerytury.names.pl.length).toBeGreaterThan(0);
    expect(r.body.openCounters).toBe(1);
    expect(r.body.branchId).toBeNull();
    const text = JSON.stringify(r.body);
    expect(text).not.toContain(called.body.ticket.id);
    expect(text).not.toContain('urzednik');
    expect(text).not.toMatch(/bookingCode|pesel|clerk/i);
  });

  it('names the next free slot once the manager has planned the calendar', async () => {
    const before = await b.api('GET', '/api/v1/public/status');
    expect(
      before.body.services.every((s: { nextFreeSlot: string | null }) => s.nextFreeSlot === null),
    ).toBe(true);
    const manager = await b.login('kierownik');
    expect((await b.api('PUT', '/api/v1/manager/calendar/plan', manager, { plan })).status).toBe(
      200,
    );
    offsetMs += 10_000;
    const r = await b.api('GET', '/api/v1/public/status');
    const e = r.body.services.find((s: { serviceId: string }) => s.serviceId === 'emerytury');
    expect(e.nextFreeSlot).toBe('2026-12-02T09:00:00.000Z');
    const other = r.body.services.find((s: { serviceId: string }) => s.serviceId === 'zasilki');
    expect(other.nextFreeSlot).toBeNull();
  });

  it('serves a page with a real table in Polish, and in English on ?lang=en', async () => {
    const pl = await fetch(`${b.url}/status`);
    expect(pl.status).toBe(200);
    expect(pl.headers.get('content-type')).toContain('text/html');
    expect(pl.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await pl.text();
    expect(html).toContain('<html lang="pl">');
    expect(html).toContain('<th scope="col">Sprawa</th>');
    expect(html).toMatch(/<th scope="row">[^<]+<\/th><td>2<\/td>/);
    const en = await (await fetch(`${b.url}/status?lang=en`)).text();
    expect(en).toContain('<th scope="col">Service</th>');
    const css = await fetch(`${b.url}/status.css`);
    expect(css.headers.get('content-type')).toContain('text/css');
  });
});

describe('the national list at the portal stand-in', () => {
  const started: { stop(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const s of started.reverse()) await s.stop();
  });

  it('receives the branch status within seconds and shows it with its age', async () => {
    const pue = await startPortal();
    started.push(pue);
    const branch = await startSyncedBranch(pue);
    started.push({ stop: () => branch.close() });
    const kiosk = await branch.device('kiosk');
    await branch.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'zasilki' });
    type National = { branches: { branchId: string; receivedAt: string }[] };
    let list: National = { branches: [] };
    for (let i = 0; i < 50 && list.branches.length === 0; i += 1) {
      list = (await (await fetch(`${pue.url}/v1/public/status`)).json()) as National;
      if (list.branches.length === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(list.branches.map((x) => x.branchId)).toEqual([BRANCH_ID]);
    const page = await (await fetch(`${pue.url}/kolejki`)).text();
    expect(page).toContain('Kolejki w placówkach ZUS');
    expect(page).toContain(`<th scope="row">${BRANCH_ID}</th>`);
    // Another branch's key cannot speak for this one.
    const forged = await fetch(`${pue.url}/v1/branches/${BRANCH_ID}/status`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-branch-key': 'wrong' },
      body: '{}',
    });
    expect(forged.status).toBe(401);
  }, 30_000);
});
