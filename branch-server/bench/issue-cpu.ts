// The server's CPU time per ticket issue (issue 12, "issue → ack"), for profiling rather than
// wall-clock percentiles (which the other helpers' load on a shared machine turns into noise).
// The server runs in this process with the production answer path (no test-only response
// check); the 100 screens (display-fleet.ts) and the kiosk (kiosk-driver.ts) run in forked
// processes, so this process's CPU time is the server's own. Run it under
// `node --import tsx --cpu-prof branch-server/bench/issue-cpu.ts` to see where the time goes.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startTestBranch } from '../test/harness';
import { startFleet } from './core';
import { kioskIssues } from './kiosk-driver';
import { summary } from './stats';

/** Server CPU ms per issue with `displays` screens connected (after a warm-up run). */
export async function benchIssueCpu(opts: { issues?: number; displays?: number } = {}) {
  const { issues = 1000, displays = 100 } = opts;
  const dir = mkdtempSync(join(tmpdir(), 'skr-bench-cpu-'));
  const b = await startTestBranch({ dir, checkResponses: false });
  let fleet: ChildProcess | undefined;
  try {
    fleet = await startFleet(b.url, await b.device('display'), displays);
    const token = await b.device('kiosk');
    await kioskIssues(b.url, token, 200);
    const cpu0 = process.cpuUsage();
    const ack = await kioskIssues(b.url, token, issues);
    const cpu = process.cpuUsage(cpu0);
    return {
      displays,
      issues,
      serverCpuMsPerIssue: Math.round(((cpu.user + cpu.system) / 1000 / issues) * 1000) / 1000,
      serverUserMsPerIssue: Math.round((cpu.user / 1000 / issues) * 1000) / 1000,
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
