import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBranch, until, type TestBranch } from './harness';

let b: TestBranch;
beforeAll(async () => {
  b = await startTestBranch();
});
afterAll(() => b.close());

describe('issued tickets thinned for screens (coalesce-issued.ts)', () => {
  it('a screen gets every other event and the last issue, in seq order; staff get everything', async () => {
    const display = await b.socket('/display', await b.device('display'));
    const desk = await b.socket('/counter', await b.login('urzednik1'));
    await until(() => display.snapshots.length === 1 && desk.snapshots.length === 1);
    const from = display.snapshots[0]!.seq;
    const kiosk = await b.device('kiosk');
    // 30 tickets at once: one group commit, published in one turn, so the thinning is certain.
    const issued = await Promise.all(
      Array.from({ length: 30 }, () =>
        b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' }),
      ),
    );
    expect(issued.every((r) => r.status === 201)).toBe(true);
    const clerk = await b.login('urzednik1');
    await b.api('POST', '/api/v1/counters/1/open', clerk);
    await b.api('POST', '/api/v1/counters/1/call-next', clerk);
    const log = b.branch.eventsSince(from);
    const last = log.at(-1)!.seq;
    await until(() => display.events.at(-1)?.seq === last && desk.events.at(-1)?.seq === last);
    expect(desk.events.map((e) => e.seq)).toEqual(log.map((e) => e.seq));
    const seqs = display.events.map((e) => e.seq);
    expect(seqs).toEqual([...new Set(seqs)].sort((x, y) => x - y));
    // Every event but an issued ticket reaches the screen: the call, the counter opening.
    const others = log.filter((e) => e.type !== 'ticket.issued').map((e) => e.seq);
    expect(others.length).toBeGreaterThanOrEqual(2);
    for (const s of others) expect(seqs).toContain(s);
    // Issued tickets are thinned, and the last one before the call is among those sent.
    const shown = display.events.filter((e) => e.type === 'ticket.issued').length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(30);
    const lastIssued = log.filter((e) => e.type === 'ticket.issued').at(-1)!.seq;
    expect(seqs).toContain(lastIssued);
    // What the screen draws from the events is the same: the call it got is the log's call.
    const call = log.find((e) => e.type === 'ticket.called')!;
    expect(display.events.find((e) => e.seq === call.seq)!.ticket!.number).toBe(
      call.ticket!.number,
    );
  });
});
