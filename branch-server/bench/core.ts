// Benchmark of the branch core (issue "Branch server core"), printed by `npm run bench`:
// - durable ticket issues per second vs. the raw fsync'd single-row insert rate of the same disk;
// - issue → HTTP answer p50/p99 with 100 displays connected over socket.io;
// - call → the event at all 100 displays p99.
// Everything runs on loopback. The 100 screens (display-fleet.ts) and the kiosk timing its
// issues (kiosk-driver.ts) run in forked processes of their own: in a branch they are other
// machines, and in the server's process their socket work would be timed as the server's (on 2
// cores they still share the CPU).
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { callApi, startTestBranch } from '../test/harness';
import { kioskIssues } from './kiosk-driver';
import { summary } from './stats';

/**
 * Single-row inserts, one transaction each, WAL + synchronous=FULL: the disk's fsync bound.
 * Returns a function that inserts `n` rows and answers the milliseconds it took, so that raw
 * and ticket timings can be taken in alternating rounds (the ratio then survives load drift).
 */
function rawInserter(dir: string) {
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
  return {
    time(n: number): number {
      const t0 = performance.now();
      for (let i = 0; i < n; i += 1) ins.run(`row ${i}`);
      return performance.now() - t0;
    },
    close: () => db.close(),
  };
}

/** Forks the screens' process and resolves once all `displays` are connected. */
export async function startFleet(
  url: string,
  token: string,
  displays: number,
): Promise<ChildProcess> {
  const child = fork(new URL('./display-fleet.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
  });
  child.send({ url, token, displays });
  const [m] = (await once(child, 'message')) as [{ ready?: boolean }];
  if (!m.ready) throw new Error('display fleet did not start');
  return child;
}

/**
 * Loads the branch as a large branch at its peak: 8 services, every counter open, 200 people
 * waiting. Answers the services and `serveOne`: the next counter with someone to call calls
 * and starts them, so the line keeps its length while tickets are issued.
 */
export async function peakBranch(b: Awaited<ReturnType<typeof startTestBranch>>) {
  const services = b.branch.services().map((s) => s.id);
  for (const c of b.branch.counters()) b.branch.openCounter(c.id, `bench${c.id}`, 'bench');
  for (let i = 0; i < 200; i += 1) await b.branch.issue({ serviceId: services[i % 8] }, 'bench');
  let counter = 0;
  const serveOne = () => {
    for (let k = 0; k < 12; k += 1) {
      counter = (counter % 12) + 1;
      const t = b.branch.callNext(counter, 'bench');
      if (t) {
        b.branch.act(t.id, 'start', 'bench');
        return;
      }
    }
  };
  return { services, serveOne };
}

export async function benchCore(opts: { issues?: number; displays?: number; calls?: number } = {}) {
  const issues = opts.issues ?? 2000;
  const displays = opts.displays ?? 100;
  const calls = opts.calls ?? 200;
  const dir = mkdtempSync(join(tmpdir(), 'skr-bench-'));
  // The production answer path: the tests' check of every answer against its schema is off.
  const b = await startTestBranch({ dir, checkResponses: false });
  // The screens' process; killed by its PID if the bench fails half-way.
  let fleet: ChildProcess | undefined;
  try {
    const rawDb = rawInserter(dir);
    let rawMs = 0;
    // Durable issues straight through the use case, at a large branch's peak: 8 services, 12
    // counters serving, ~200 people waiting. Only the issues are timed (calls run between them).
    const { services, serveOne } = await peakBranch(b);
    let timed = 0;
    for (let i = 0; i < issues; i += 1) {
      if (i % 100 === 0) rawMs += rawDb.time(100);
      const t0 = performance.now();
      await b.branch.issue({ serviceId: services[i % 8] }, 'bench');
      timed += performance.now() - t0;
      serveOne();
    }
    const durable = issues / (timed / 1000);
    const raw = issues / (rawMs / 1000);
    rawDb.close();
    // 16 kiosks at once: group commit lets the tickets of one moment share an fsync.
    timed = 0;
    for (let i = 0; i < issues; i += 16) {
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: 16 }, (_, k) =>
          b.branch.issue({ serviceId: services[(i + k) % 8] }, 'bench'),
        ),
      );
      timed += performance.now() - t0;
      for (let k = 0; k < 16; k += 1) serveOne();
    }
    const grouped = issues / (timed / 1000);
    const token = await b.device('display');
    fleet = await startFleet(b.url, token, displays);
    // The kiosk is a process of its own too: in this one its HTTP client would read each
    // answer only after the server's next piece of work (the screens' fan-out) had run.
    const ack = await kioskIssues(b.url, await b.device('kiosk'), 500);
    const clerk = await b.login('urzednik4');
    await callApi(b.url, 'POST', '/api/v1/counters/4/open', clerk);
    const fanout: number[] = [];
    for (let i = 0; i < calls; i += 1) {
      const heard = once(fleet, 'message') as Promise<[{ at: number }]>;
      const s0 = performance.timeOrigin + performance.now();
      const r = await callApi(b.url, 'POST', '/api/v1/counters/4/call-next', clerk);
      if (r.status !== 200) throw new Error(`call failed: ${r.status}`);
      const [{ at }] = await heard;
      fanout.push(at - s0);
      await callApi(b.url, 'POST', `/api/v1/tickets/${r.body.ticket.id}/finish`, clerk);
    }
    const exited = once(fleet, 'exit');
    fleet.disconnect();
    await exited;
    return {
      rawInsertsPerSecond: Math.round(raw),
      durableIssuesPerSecond: Math.round(durable),
      ratio: Math.round((durable / raw) * 100) / 100,
      groupedIssuesPerSecond: Math.round(grouped),
      groupedRatio: Math.round((grouped / raw) * 100) / 100,
      issueAckMs: summary(ack),
      callToAllDisplaysMs: summary(fanout),
      displays,
    };
  } finally {
    if (fleet?.exitCode === null) fleet.kill();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the figures with their goals. */
export function printCore(r: Awaited<ReturnType<typeof benchCore>>): void {
  console.log('Branch core');
  console.log(`  raw fsync'd single-row inserts: ${r.rawInsertsPerSecond}/s`);
  console.log(
    `  durable ticket issues, one kiosk at a time: ${r.durableIssuesPerSecond}/s  ratio ${r.ratio} (goal ≥ 0.5)`,
  );
  console.log(
    `  durable ticket issues, 16 kiosks at once:   ${r.groupedIssuesPerSecond}/s  ratio ${r.groupedRatio} (group commit)`,
  );
  console.log(
    `  issue → ack (HTTP, ${r.displays} displays connected): p50 ${r.issueAckMs.p50} ms, p99 ${r.issueAckMs.p99} ms (goal p99 ≤ 10 ms)`,
  );
  console.log(
    `  call → all ${r.displays} displays: p50 ${r.callToAllDisplaysMs.p50} ms, p99 ${r.callToAllDisplaysMs.p99} ms (goal p99 ≤ 25 ms)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printCore(await benchCore());
}
