// The server's CPU time per ticket issue (issue 12, "issue → ack"), for profiling rather than
// wall-clock percentiles (which the other helpers' load on a shared machine turns into noise).
// The branch is loaded as `bench core` loads it (8 services, 12 counters serving, ~200 people
// waiting), so the ticket's wait estimate (a dry run of the counters) works at its real size:
// - "durable": issues straight through the use case, a call between each two (core's first
//   phase; each issue sees a branch changed by a call);
// - "kiosk": a burst over HTTP from a forked kiosk with the 100 screens (display-fleet.ts)
//   forked too, so this process's CPU time is the server's own (core's issue → ack phase).
// Run it under `node --import tsx --cpu-prof branch-server/bench/issue-cpu.ts` to see where
// the time goes.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startTestBranch } from '../test/harness';
import { peakBranch, startFleet } from './core';
import { kioskIssues } from './kiosk-driver';
import { summary } from './stats';

const ms = (cpu: NodeJS.CpuUsage, n: number) =>
  Math.round(((cpu.user + cpu.system) / 1000 / n) * 1000) / 1000;

/** Server CPU ms per issue at core's queue sizes, in-process and over HTTP with `displays`. */
export async function benchIssueCpu(
  opts: { issues?: number; displays?: number; kioskIssues?: number } = {},
) {
  const { issues = 1000, displays = 100 } = opts;
  const burst = opts.kioskIssues ?? 500;
  const dir = mkdtempSync(join(tmpdir(), 'skr-bench-cpu-'));
  const b = await startTestBranch({ dir, checkResponses: false });
  let fleet: ChildProcess | undefined;
  try {
    const { services, serveOne } = await peakBranch(b);
    // Only the issue is timed: the call after it is not the issue path's work.
    let durable = { user: 0, system: 0 };
    for (let i = 0; i < issues; i += 1) {
      const cpu0 = process.cpuUsage();
      await b.branch.issue({ serviceId: services[i % 8] }, 'bench');
      const d = process.cpuUsage(cpu0);
      durable = { user: durable.user + d.user, system: durable.system + d.system };
      serveOne();
    }
    fleet = await startFleet(b.url, await b.device('display'), displays);
    const token = await b.device('kiosk');
    await kioskIssues(b.url, token, 50);
    const cpu0 = process.cpuUsage();
    const ack = await kioskIssues(b.url, token, burst);
    const kiosk = process.cpuUsage(cpu0);
    return {
      durableIssues: issues,
      durableCpuMsPerIssue: ms(durable, issues),
      displays,
      kioskIssues: burst,
      serverCpuMsPerIssue: ms(kiosk, burst),
      serverUserMsPerIssue: Math.round((kiosk.user / 1000 / burst) * 1000) / 1000,
      issueAckMs: summary(ack),
    };
  } finally {
    if (fleet?.exitCode === null) fleet.kill();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchIssueCpu(), null, 2));
  process.exit(0);
}
