import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBranch, until, type TestBranch } from './harness';

// Issue 13: a display with lastSeq = head − 19,999 made the server replay 20,000 events in
// one synchronous loop; six at once stalled /api/v1/health for 1.6 s. Replays now go in
// batches with back-pressure, and one device runs at most two at once.
let b: TestBranch;
let head = 0;
beforeAll(async () => {
  b = await startTestBranch();
  const kiosk = await b.device('kiosk');
  await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' });
  // 20,500 copies of that event, straight into the log (the API would take minutes).
  b.server.db
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20500)
       INSERT INTO events (at, type, ticket_id, counter_id, actor, payload)
       SELECT e.at, e.type, e.ticket_id, e.counter_id, e.actor, e.payload
       FROM n, (SELECT * FROM events ORDER BY seq DESC LIMIT 1) e`,
    )
    .run();
  head = b.branch.lastSeq();
}, 60_000);
afterAll(async () => {
  await b?.close();
});

describe('replay in bounded batches (issue 13)', () => {
  it('six screens 20,000 events behind: every event in order, health stays fast', async () => {
    const devices = [
      await b.device('display'),
      await b.device('display'),
      await b.device('display'),
    ];
    let slowest = 0;
    let slowestCpu = 0;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const t = performance.now();
        const cpu = process.cpuUsage();
        const r = await fetch(`${b.url}/api/v1/health`);
        await r.text();
        slowest = Math.max(slowest, performance.now() - t);
        const used = process.cpuUsage(cpu);
        slowestCpu = Math.max(slowestCpu, (used.user + used.system) / 1000);
        await new Promise((res) => setTimeout(res, 20));
      }
    })();
    const screens = await Promise.all(
      devices.flatMap((d) => [
        b.socket('/display', d, head - 20_000),
        b.socket('/display', d, head - 20_000),
      ]),
    );
    await until(() => screens.every((s) => s.resumed.length === 1), 60_000);
    polling = false;
    await poll;
    for (const s of screens) {
      expect(s.events.length).toBe(20_000);
      expect(s.events[0]!.seq).toBe(head - 19_999);
      expect(s.events.every((e, i) => i === 0 || e.seq === s.events[i - 1]!.seq + 1)).toBe(true);
      expect(s.resumed[0]).toEqual({ fromSeq: head - 20_000, toSeq: head });
    }
    // The synchronous replay stalled health 1.6 s on a quiet machine. Wall time alone is not a
    // fair measure when other test files load the 2 cores (CI saw 1.0-1.4 s at load 14 with
    // batched replay), so the bound is on the CPU this process (server and screens alike) spent
    // while one health request waited: a replay loop that does not yield spends its whole
    // length there, batches only a few. The wall time keeps a loose bound against a hang.
    expect(slowestCpu).toBeLessThan(800);
    expect(slowest).toBeLessThan(5000);
  }, 90_000);

  it('a third replay of the same device at once gets a snapshot instead', async () => {
    const d = await b.device('display');
    const [one, two, three] = await Promise.all([
      b.socket('/display', d, head - 20_000),
      b.socket('/display', d, head - 20_000),
      b.socket('/display', d, head - 20_000),
    ]);
    await until(
      () => [one, two, three].every((s) => s!.resumed.length + s!.snapshots.length > 0),
      60_000,
    );
    const kinds = [one, two, three].map((s) => (s!.snapshots.length > 0 ? 'snapshot' : 'replay'));
    expect(kinds.filter((k) => k === 'snapshot').length).toBe(1);
  }, 90_000);
});
