// `npm run bench bookings` (part): the public status (issue 14). At the branch: computing the
// status for 8 services with a 5-day weekly plan (next free slot looked up 14 days ahead), p99
// with the cache bypassed. At the portal stand-in: 300 branches pushing their status while
// readers load the national list — push and read p99, and how stale the oldest branch is.
import type { PublicBranchStatus } from '@skr/protocol/public-status';
import { startTestBranch } from '../test/harness';
import { startBenchPortal } from './bench-portal';
import { summary } from './stats';
import { weekdayBlocks } from './week-plan';

const SERVICES = ['emerytury', 'zasilki', 'dokumenty', 'skladki', 'renty', 'ulgi', 'ezus', 'inne'];

/** A plausible status of branch `i` (what a branch pushes every minute). */
function statusOf(i: number, at: Date): PublicBranchStatus {
  return {
    branchId: `o-${i}`,
    at: at.toISOString(),
    timeZone: 'Europe/Warsaw',
    openCounters: 4 + (i % 20),
    services: SERVICES.map((s, k) => ({
      serviceId: s,
      names: { pl: `Sprawa ${k}`, en: `Service ${k}`, uk: `Справа ${k}` },
      waiting: (i * 7 + k) % 30,
      nowServing: `${String.fromCharCode(65 + k)}${String((i + k) % 999).padStart(3, '0')}`,
      estimatedWaitMinutes: (i + k * 3) % 60,
      openCounters: 1 + ((i + k) % 5),
      nextFreeSlot: new Date(at.getTime() + ((i + k) % 72) * 3_600_000).toISOString(),
    })),
  };
}

/** Runs `n` tasks with at most `limit` in flight. */
async function pool(n: number, limit: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

async function benchBranchStatus(calls: number) {
  let clock = Date.parse('2026-12-01T08:00:00Z');
  const b = await startTestBranch({ serveApps: false, now: () => new Date(clock) });
  try {
    const manager = await b.login('kierownik');
    const services = b.branch.services().map((s) => s.id);
    const blocks = weekdayBlocks(6, () => services);
    const put = await b.api('PUT', '/api/v1/manager/calendar/plan', manager, {
      plan: { blocks, walkInSharePercent: 30, portalSharePercent: 50 },
    });
    if (put.status !== 200) throw new Error(`plan refused: ${put.status}`);
    const ms: number[] = [];
    for (let i = 0; i < calls; i += 1) {
      clock += 6000; // past the 5 s cache: every call computes
      const t0 = performance.now();
      const r = await b.api('GET', '/api/v1/public/status');
      ms.push(performance.now() - t0);
      if (r.status !== 200) throw new Error(`status failed: ${r.status}`);
    }
    return { services: services.length, ...summary(ms) };
  } finally {
    await b.close();
  }
}

async function benchNational(branches: number, rounds: number) {
  const pue = await startBenchPortal(branches, { seed: 'demo' });
  try {
    const push: number[] = [];
    const read: number[] = [];
    const page: number[] = [];
    const staleMs: number[] = [];
    let pushing = true;
    // Readers load the national JSON and page while the branches push.
    const reader = (async () => {
      while (pushing) {
        let t0 = performance.now();
        const r = await fetch(`${pue.url}/v1/public/status`);
        const list = (await r.json()) as { at: string; branches: { receivedAt: string }[] };
        read.push(performance.now() - t0);
        if (list.branches.length === branches) {
          const oldest = Math.min(...list.branches.map((x) => Date.parse(x.receivedAt)));
          staleMs.push(Date.parse(list.at) - oldest);
        }
        t0 = performance.now();
        await (await fetch(`${pue.url}/kolejki`)).text();
        page.push(performance.now() - t0);
      }
    })();
    const t0 = performance.now();
    for (let round = 0; round < rounds; round += 1) {
      await pool(branches, 32, async (i) => {
        const s = performance.now();
        const r = await fetch(`${pue.url}/v1/branches/o-${i}/status`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-branch-key': `key-${i}` },
          body: JSON.stringify(statusOf(i, new Date())),
        });
        await r.arrayBuffer();
        push.push(performance.now() - s);
        if (r.status !== 204) throw new Error(`push failed: ${r.status}`);
      });
    }
    const roundMs = (performance.now() - t0) / rounds;
    pushing = false;
    await reader;
    return {
      branches,
      rounds,
      pushMs: summary(push),
      nationalJsonMs: summary(read),
      nationalPageMs: summary(page),
      // Pushes here come back to back; in service each branch pushes every 60 s, so the
      // oldest status is at most ~60 s plus this.
      oldestBranchAgeMs: summary(staleMs),
      roundOfAllPushesMs: Math.round(roundMs),
    };
  } finally {
    await pue.stop();
  }
}

/** The public status figures (issue 14). */
export async function benchNationalStatus(
  o: { calls?: number; branches?: number; rounds?: number } = {},
) {
  return {
    branchStatusMs: await benchBranchStatus(o.calls ?? 200),
    national: await benchNational(o.branches ?? 300, o.rounds ?? 10),
  };
}
