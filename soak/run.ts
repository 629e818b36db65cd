// `npm run soak`: the branch under ×10 peak-hour load, then killed with SIGKILL at random
// moments under that load (100 times by default), then checked for anything lost; writes
// docs/reliability.md. Loopback only; bounded (a few minutes). Not part of `npm test`.
//   SKR_SOAK_LOAD_SECONDS (60)  SKR_SOAK_CRASHES (100)  SKR_SOAK_SEED (1)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { createRng } from '../branch-server/src/sim/prng';
import { compareSchedulers } from '../branch-server/src/sim/quality';
import { percentiles } from '../branch-server/src/sim/stats';
import { soakApi } from './branch-api';
import { setUpBranch } from './branch-fixture';
import { checkAcked } from './crash-check';
import { renderReport, type SoakResult } from './report';
import { SoakScreen } from './screens';
import { freePort, startSoakServer } from './server-process';
import { newAcked, newTimings, runWorkload } from './workload';

const LOAD_SECONDS = Number(process.env.SKR_SOAK_LOAD_SECONDS ?? 60);
const CRASHES = Number(process.env.SKR_SOAK_CRASHES ?? 100);
const SEED = Number(process.env.SKR_SOAK_SEED ?? 1);
const PASSWORD = 'soak-password-1234';
/** The display board's and the clerk desk's own reconnection settings, read from their source. */
const DISPLAY_RECONNECT = appReconnect('display-board/src/display-client.ts', [250, 2000, 0.5]);
const DESK_RECONNECT = appReconnect('clerk-desk/src/live/queue-connection.ts', [300, 2000, 0.5]);

/**
 * [delay, delayMax, randomizationFactor] as an app's socket.io client uses them (socket.io's
 * defaults where the source sets none), so the soak measures what the screens really do.
 */
function appReconnect(file: string, fallback: [number, number, number]): [number, number, number] {
  let src = '';
  try {
    src = readFileSync(fileURLToPath(new URL(`../${file}`, import.meta.url)), 'utf8');
  } catch {
    return fallback;
  }
  const num = (re: RegExp, d: number) => Number(re.exec(src)?.[1] ?? d);
  return [
    num(/reconnectionDelay:\s*([\d.]+)/, fallback[0]),
    num(/reconnectionDelayMax:\s*([\d.]+)/, fallback[1]),
    num(/randomizationFactor:\s*([\d.]+)/, 0.5),
  ];
}

const dir = mkdtempSync(join(tmpdir(), 'skr-soak-'));
const port = await freePort();
const rng = createRng(SEED);
const t0 = Date.now();
const log = (s: string) => console.log(`[soak ${((Date.now() - t0) / 1000).toFixed(0)} s] ${s}`);

let server = await startSoakServer(dir, port, PASSWORD);
const branch = await setUpBranch(server.url, PASSWORD);
const screens = branch.displays.map(
  (t) => new SoakScreen(server.url, '/display', t, DISPLAY_RECONNECT),
);
const desks = branch.counters.map(
  (c) => new SoakScreen(server.url, '/counter', branch.clerks[(c - 1) % 12]!, DESK_RECONNECT),
);
const clients = [...screens, ...desks];
await Promise.all(clients.map((s) => s.back(0, 10_000)));
log(
  `branch ready: ${branch.counters.length} counters, ${branch.kiosks.length} kiosks, ${screens.length} screens`,
);

// 1. Load: the ×10 peak hour compressed into LOAD_SECONDS.
const acked = newAcked();
const timings = newTimings();
let stopLoad = false;
const loadStart = performance.now();
const load = runWorkload(server.url, branch, () => stopLoad, acked, timings, { seed: SEED });
await new Promise((r) => setTimeout(r, LOAD_SECONDS * 1000));
stopLoad = true;
await load;
const loadSeconds = (performance.now() - loadStart) / 1000;
await new Promise((r) => setTimeout(r, 500));
const callToScreens: number[] = [];
for (const [id, sent] of timings.callSent) {
  const at = screens.map((s) => s.calledAt.get(id));
  if (at.every((x) => x !== undefined)) callToScreens.push(Math.max(...(at as number[])) - sent);
}
const loadResult: SoakResult['load'] = {
  seconds: Math.round(loadSeconds),
  tickets: acked.tickets.size,
  calls: acked.calls.size,
  documents: acked.documents.size,
  ticketsPerMinute: Math.round((acked.tickets.size / loadSeconds) * 60),
  issueAckMs: percentiles(timings.issue),
  callNextMs: percentiles(timings.callNext),
  callToAllScreensMs: percentiles(callToScreens),
  serverRssMb: Math.round(await server.rssMb()),
  anomalies: clients.flatMap((c) => c.anomalies),
};
log(`load done: ${JSON.stringify(loadResult)}`);

// 2. Crash: SIGKILL at a random moment under the same load, restart, measure the way back.
const backMs: number[] = [];
const restartMs: number[] = [];
const stateMismatch: string[] = [];
for (let i = 0; i < CRASHES; i += 1) {
  let stop = false;
  const work = runWorkload(server.url, branch, () => stop, acked, timings, {
    seed: SEED + 1000 + i,
  });
  await new Promise((r) => setTimeout(r, 300 + rng.int(1200)));
  const killedAt = performance.now();
  await server.kill('SIGKILL');
  stop = true;
  await work;
  server = await startSoakServer(dir, port, PASSWORD);
  restartMs.push(server.readyAt - killedAt);
  for (const c of clients) {
    await c.back(killedAt, 15_000);
    backMs.push(Math.max(0, c.backAt - server.readyAt));
  }
  // Right state: with the load paused, every screen and desk holds the server's last event.
  const head = await soakApi(server.url).call('health');
  const behind = clients.filter((c) => c.lastSeq !== head.seq);
  if (behind.length)
    stateMismatch.push(`restart ${i + 1}: ${behind.length} clients not at seq ${head.seq}`);
  if ((i + 1) % 10 === 0)
    log(`${i + 1} crashes, ${acked.tickets.size} tickets acknowledged so far`);
}
for (const c of clients) c.close();
await server.kill('SIGTERM');
const loss = checkAcked(join(dir, 'branch.sqlite'), acked);
const crashResult: SoakResult['crash'] = {
  kills: CRASHES,
  ackedTickets: acked.tickets.size,
  ackedCalls: acked.calls.size,
  ackedDocuments: acked.documents.size,
  restartMs: percentiles(restartMs, 0),
  clientBackAfterRestartMs: percentiles(backMs, 0),
  clientsBackWithin2sShare: backMs.filter((x) => x <= 2000).length / Math.max(1, backMs.length),
  stateMismatch,
  anomalies: clients.flatMap((c) => c.anomalies),
  loss,
};
log(
  `crash done: ${JSON.stringify({ ...crashResult, loss: { ...loss, lostCalls: loss.lostCalls.length } })}`,
);

const slow = backMs.filter((x) => x > 2000);
const problems = [
  ...loss.dbProblems.map((p) => `database: ${p}`),
  ...(loss.lostTickets.length ? [`${loss.lostTickets.length} acknowledged tickets lost`] : []),
  ...(loss.wrongNumbers.length ? [`${loss.wrongNumbers.length} ticket numbers changed`] : []),
  ...(loss.lostCalls.length ? [`${loss.lostCalls.length} acknowledged calls lost`] : []),
  ...(loss.lostDocuments.length
    ? [`${loss.lostDocuments.length} acknowledged documents lost`]
    : []),
  ...stateMismatch,
  ...crashResult.anomalies,
  ...(slow.length
    ? [
        `${slow.length} of ${backMs.length} screen/desk returns took longer than 2 s after the restart (max ${Math.round(Math.max(...slow))} ms)`,
      ]
    : []),
];
const result: SoakResult = {
  at: new Date().toISOString(),
  seed: SEED,
  problems,
  reconnect: { display: DISPLAY_RECONNECT, desk: DESK_RECONNECT },
  load: loadResult,
  crash: crashResult,
  scheduler: compareSchedulers({ days: 3, visits: 3200 }),
};
const out = fileURLToPath(new URL('../docs/reliability.md', import.meta.url));
// Formatted as `npm run lint` expects (prettier over the whole tree).
const style = (await prettier.resolveConfig(out)) ?? {};
writeFileSync(out, await prettier.format(renderReport(result), { ...style, parser: 'markdown' }));
rmSync(dir, { recursive: true, force: true });
log(
  `report written to docs/reliability.md; ${problems.length === 0 ? 'PASS' : `FAIL: ${problems.join('; ')}`}`,
);
process.exit(problems.length === 0 ? 0 : 1);
