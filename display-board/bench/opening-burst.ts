// Opening burst on a waiting-room screen: twelve counters call at the same moment and a real
// branch server with the espeak-ng announcer renders the phrases; one screen in Chromium plays
// them with real <audio>. Prints the time from the calls until the screen has shown all twelve
// and until the last one has been announced (played to its end), measured on this machine's
// wall clock (the page's performance.timeOrigin + now, as the call-to-DOM benchmark does).
//   npx tsx display-board/bench/opening-burst.ts [rounds]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { createAnnouncer, pickEngine } from '../../branch-server/src/announcer';
import { demoCounters } from '../../branch-server/src/seed/demo-branch';
import { launchBrowser } from '../../branch-server/test/browser';
import { startTestBranch } from '../../branch-server/test/harness';
import { act, issue, openCounter, openScreen } from '../test/helpers';

/** Figures of one burst, in ms from just before the twelve call-next requests. */
export interface BurstRound {
  /** Until the server answered all twelve calls. */
  callsAnswered: number;
  /** Until the screen had applied all twelve calls (every one on screen). */
  allShown: number;
  /** Until the last announcement had been played to its end. */
  lastAnnounced: number;
  announced: number;
  chimes: number;
}

/** The benchmark's result: each round and the worst time to the last announcement. */
export interface OpeningBurstResult {
  calls: number;
  engine: string;
  rounds: BurstRound[];
  worstLastAnnouncedMs: number;
  /** Speech per call: (last announced − all shown) / calls. */
  msPerAnnouncement: number;
}

const wallNow = () => performance.timeOrigin + performance.now();

/**
 * The page's wall-clock time when its count of applied calls or played announcements reached
 * `n` (polled in the page every `ms`: a few ms of error on a figure of seconds).
 */
async function stampWhen(page: Page, what: 'calls' | 'played', n: number, ms: number) {
  const handle = await page.waitForFunction(
    ([w, k]) => {
      const d = window.__skrDisplay!;
      const count = w === 'calls' ? d.calls.length : d.audio.played.length;
      return count >= k && performance.timeOrigin + performance.now();
    },
    [what, n] as const,
    { polling: ms, timeout: 180_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Runs `rounds` opening bursts of 12 simultaneous calls (the clerks finish between rounds). */
export async function benchOpeningBurst(rounds = 2): Promise<OpeningBurstResult> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'skr-bench-burst-'));
  const engine = await pickEngine();
  const announcer = createAnnouncer({ engine, cacheDir, langs: ['pl'] });
  const [browser, b] = await Promise.all([launchBrowser(), startTestBranch({ announcer })]);
  try {
    const kiosk = await b.device('kiosk');
    for (let r = 0; r < rounds; r++)
      for (const c of demoCounters) {
        const main = Object.keys(c.skills)[0]!;
        await issue(b, kiosk, main);
        await issue(b, kiosk, main);
      }
    const s = await openScreen(browser, b.url, await b.device('display', 'bench burst'));
    const clerks = await Promise.all(demoCounters.map((c) => openCounter(b, c.id)));
    const out: BurstRound[] = [];
    let inHand: { id: string; clerk: string }[] = [];
    for (let r = 0; r < rounds; r++) {
      // Each clerk finishes the client in hand (quietly for the screen) before the next burst.
      for (const t of inHand) await act(b, t.clerk, t.id, 'start');
      for (const t of inHand) await act(b, t.clerk, t.id, 'finish');
      const before = await s.page.evaluate(() => ({
        calls: window.__skrDisplay!.calls.length,
        played: window.__skrDisplay!.audio.played.length,
        chimes: window.__skrDisplay!.audio.chimes,
      }));
      const t0 = wallNow();
      const called = await Promise.all(
        demoCounters.map((c, i) =>
          b.api('POST', `/api/v1/counters/${c.id}/call-next`, clerks[i]).then((res) => {
            if (res.status !== 200 || !res.body.ticket) throw new Error(`call-next ${c.id}`);
            return { id: res.body.ticket.id as string, clerk: clerks[i]! };
          }),
        ),
      );
      const callsAnswered = wallNow() - t0;
      inHand = called;
      // Stamped in the page the moment the last call is applied / the last phrase ends.
      const allShownAt = await stampWhen(s.page, 'calls', before.calls + 12, 5);
      const lastAnnouncedAt = await stampWhen(s.page, 'played', before.played + 12, 20);
      const after = await s.page.evaluate(() => window.__skrDisplay!.audio.chimes);
      out.push({
        callsAnswered: Math.round(callsAnswered),
        allShown: Math.round(allShownAt - t0),
        lastAnnounced: Math.round(lastAnnouncedAt - t0),
        announced: 12,
        chimes: after - before.chimes,
      });
    }
    const worst = Math.max(...out.map((r) => r.lastAnnounced));
    const per = out.map((r) => (r.lastAnnounced - r.allShown) / 12);
    return {
      calls: 12,
      engine: engine.id,
      rounds: out,
      worstLastAnnouncedMs: worst,
      msPerAnnouncement: Math.round(per.reduce((a, c) => a + c, 0) / per.length),
    };
  } finally {
    await browser.close();
    await b.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await benchOpeningBurst(Number(process.argv[2] ?? 2));
  console.log(`opening burst: ${r.calls} simultaneous calls, one screen, engine ${r.engine}`);
  for (const [i, x] of r.rounds.entries())
    console.log(
      `  round ${i + 1}: answered ${x.callsAnswered} ms, all shown ${x.allShown} ms, ` +
        `last announced ${x.lastAnnounced} ms (${x.announced} announced, ${x.chimes} chime)`,
    );
  console.log(`  worst time to the last announcement: ${r.worstLastAnnouncedMs} ms`);
  console.log(`  ≈ ${r.msPerAnnouncement} ms of speech per call`);
}
