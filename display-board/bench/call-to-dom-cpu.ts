// Main-thread time per call on the waiting-room screens (issue 12, "call → DOM"): wall-clock
// latencies on a shared 2-core machine are noise, the renderer's own counters are not. N screens
// in one Chromium, a clerk calling M tickets; Chrome's Performance metrics of every page are
// read before and after, and the differences are divided by the calls: script, style, layout
// and all main-thread task ms per call and screen. With `profile` the first screen's JS CPU
// profile is written there (open it in DevTools, or sum its frames).
//   npx tsx display-board/bench/call-to-dom-cpu.ts [screens] [calls] [gapMs] [profile.cpuprofile]
//   [trace.json]
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession } from 'playwright-core';
import { launchBrowser } from '../../branch-server/test/browser';
import { startTestBranch } from '../../branch-server/test/harness';
import { act, callNext, issue, openCounter, openScreen } from '../test/helpers';
import { shownAt, watch } from './call-to-dom';

/** Chrome's cumulative main-thread counters (seconds) that the figures are made of. */
const METRICS = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration'];

/** Main-thread ms per call and screen, averaged over the screens. */
export interface CallCpuResult {
  screens: number;
  calls: number;
  perCallMs: { script: number; style: number; layout: number; task: number };
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Runs `calls` calls against `screens` screens and answers the main-thread ms per call. */
export async function benchCallCpu(opts: {
  screens: number;
  calls: number;
  gapMs?: number;
  profile?: string;
  /** Write the first screen's Chrome trace (timeline categories) here. */
  trace?: string;
}): Promise<CallCpuResult> {
  const gapMs = opts.gapMs ?? 250;
  const [browser, b] = await Promise.all([launchBrowser(), startTestBranch()]);
  try {
    const kiosk = await b.device('kiosk');
    for (let i = 0; i < opts.calls + 1; i++) await issue(b, kiosk, 'emerytury');
    const screens = [];
    for (let i = 0; i < opts.screens; i++) {
      const s = await openScreen(browser, b.url, await b.device('display', `cpu ${i + 1}`));
      await watch(s.page);
      const cdp = await s.context.newCDPSession(s.page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      screens.push({ ...s, cdp });
    }
    const clerk = await openCounter(b, 1);
    // One call first: the first announcement's fetches and the first render are not per call.
    let prev = await callNext(b, clerk, 1);
    await Promise.all(screens.map((s) => shownAt(s.page, prev.number)));
    await new Promise((r) => setTimeout(r, 1000));
    const before = await Promise.all(screens.map((s) => metrics(s.cdp)));
    const first = screens[0]!.cdp;
    const traceChunks: unknown[] = [];
    if (opts.trace) {
      first.on('Tracing.dataCollected', (d) => traceChunks.push(...d.value));
      await first.send('Tracing.start', {
        categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute',
        transferMode: 'ReportEvents',
      });
    }
    if (opts.profile) {
      await first.send('Profiler.enable');
      await first.send('Profiler.setSamplingInterval', { interval: 200 });
      await first.send('Profiler.start');
    }
    for (let i = 0; i < opts.calls; i++) {
      await act(b, clerk, prev.id, 'start');
      const t = await callNext(b, clerk, 1);
      await Promise.all(screens.map((s) => shownAt(s.page, t.number)));
      prev = t;
      await new Promise((r) => setTimeout(r, gapMs));
    }
    // The debounced line-count refresh after the last call belongs to it too.
    await new Promise((r) => setTimeout(r, 600));
    if (opts.profile) {
      const { profile } = await first.send('Profiler.stop');
      writeFileSync(opts.profile, JSON.stringify(profile));
    }
    if (opts.trace) {
      const done = new Promise((r) => first.once('Tracing.tracingComplete', r));
      await first.send('Tracing.end');
      await done;
      writeFileSync(opts.trace, JSON.stringify({ traceEvents: traceChunks }));
    }
    const after = await Promise.all(screens.map((s) => metrics(s.cdp)));
    const per = (name: string) => {
      const sum = after.reduce((acc, m, i) => acc + (m[name]! - before[i]![name]!), 0);
      return Math.round((sum / screens.length / opts.calls) * 1000 * 100) / 100;
    };
    const [script, style, layout, task] = METRICS.map(per) as [number, number, number, number];
    return {
      screens: opts.screens,
      calls: opts.calls,
      perCallMs: { script, style, layout, task },
    };
  } finally {
    await browser.close();
    await b.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [screens = '10', calls = '60', gapMs = '250', profile, trace] = process.argv.slice(2);
  const r = await benchCallCpu({
    screens: Number(screens),
    calls: Number(calls),
    gapMs: Number(gapMs),
    profile: profile || undefined,
    trace,
  });
  console.log(JSON.stringify(r, null, 2));
}
