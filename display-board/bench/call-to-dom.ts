// Call → DOM latency on the waiting-room screens: a real branch server, N screens in one
// Chromium, a clerk calling the next ticket over HTTP, and a MutationObserver in every page
// stamping the moment `latest-call` shows the new number. Both clocks are wall-clock ms on the
// same machine (performance.timeOrigin + performance.now(), in Node and in each page).
//   npx tsx display-board/bench/call-to-dom.ts [screens] [calls] [gapMs]
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../branch-server/test/browser';
import { startTestBranch } from '../../branch-server/test/harness';
import { act, callNext, issue, openCounter, openScreen } from '../test/helpers';

/** Options of the benchmark. */
export interface CallToDomOptions {
  screens: number;
  calls: number;
  /**
   * Pause after every screen showed a call, before the next (250 ms by default). Even so the
   * pace is ~10× a large branch's peak (600 calls an hour); 0 measures back-to-back calls.
   */
  gapMs?: number;
}

/** Figures in ms: per call, the time until the last of the screens showed it. */
export interface CallToDomResult {
  screens: number;
  calls: number;
  gapMs: number;
  p50: number;
  p99: number;
  max: number;
  /** The same over every (call, screen) pair. */
  perScreen: { p50: number; p99: number };
}

declare global {
  interface Window {
    __skrBench?: {
      seen: { n: string; t: number }[];
      waiters: { n: string; resolve: (t: number) => void }[];
    };
  }
}

const wallNow = () => performance.timeOrigin + performance.now();

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, i)]! * 10) / 10;
}

/** Installs the page's observer of the latest-call panel (it stamps each number shown). */
export async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid=latest-call]')!;
    const bench: NonNullable<Window['__skrBench']> = { seen: [], waiters: [] };
    window.__skrBench = bench;
    new MutationObserver(() => {
      const t = performance.timeOrigin + performance.now();
      const n = el.getAttribute('data-number') ?? '';
      if (bench.seen[bench.seen.length - 1]?.n === n) return;
      bench.seen.push({ n, t });
      for (const w of bench.waiters.filter((x) => x.n === n)) w.resolve(t);
      bench.waiters = bench.waiters.filter((x) => x.n !== n);
    }).observe(el, { attributes: true, childList: true, subtree: true, characterData: true });
  });
}

/** When the page showed `number`: no polling in the page, which would steal the CPU measured. */
export function shownAt(page: Page, number: string): Promise<number> {
  return page.evaluate(
    (n) =>
      new Promise<number>((resolve, reject) => {
        const b = window.__skrBench!;
        const hit = b.seen.find((x) => x.n === n);
        if (hit) return resolve(hit.t);
        b.waiters.push({ n, resolve });
        setTimeout(() => reject(new Error(`${n} not shown within 10 s`)), 10_000);
      }),
    number,
  );
}

/** Runs the benchmark and returns the latency percentiles (ms). */
export async function benchCallToDom(
  opts: CallToDomOptions = { screens: 10, calls: 200 },
): Promise<CallToDomResult> {
  const gapMs = opts.gapMs ?? 250;
  const [browser, b] = await Promise.all([launchBrowser(), startTestBranch()]);
  try {
    const kiosk = await b.device('kiosk');
    for (let i = 0; i < opts.calls; i++) await issue(b, kiosk, 'emerytury');
    const pages: Page[] = [];
    for (let i = 0; i < opts.screens; i++) {
      const s = await openScreen(browser, b.url, await b.device('display', `bench ${i + 1}`), {
        width: 1920,
        height: 1080,
      });
      await watch(s.page);
      pages.push(s.page);
    }
    const clerk = await openCounter(b, 1);
    const worst: number[] = [];
    const all: number[] = [];
    let prev: { id: string } | undefined;
    for (let i = 0; i < opts.calls; i++) {
      // The ticket in hand must be started before the next call (the server refuses otherwise).
      if (prev) await act(b, clerk, prev.id, 'start');
      const t0 = wallNow();
      const t = await callNext(b, clerk, 1);
      const at = await Promise.all(pages.map((p) => shownAt(p, t.number)));
      const lat = at.map((x) => x - t0);
      all.push(...lat);
      worst.push(Math.max(...lat));
      prev = t;
      await new Promise((r) => setTimeout(r, gapMs));
    }
    worst.sort((a, c) => a - c);
    all.sort((a, c) => a - c);
    return {
      screens: opts.screens,
      calls: opts.calls,
      gapMs,
      p50: percentile(worst, 50),
      p99: percentile(worst, 99),
      max: percentile(worst, 100),
      perScreen: { p50: percentile(all, 50), p99: percentile(all, 99) },
    };
  } finally {
    await browser.close();
    await b.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const screens = Number(process.argv[2] ?? 10);
  const calls = Number(process.argv[3] ?? 200);
  const gapMs = Number(process.argv[4] ?? 250);
  const r = await benchCallToDom({ screens, calls, gapMs });
  console.log(
    `call → DOM on ${r.screens} screens, ${r.calls} calls, ${r.gapMs} ms apart (goal p99 ≤ 100 ms)`,
  );
  console.log(`  last screen: p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms`);
  console.log(`  any screen:  p50 ${r.perScreen.p50} ms, p99 ${r.perScreen.p99} ms`);
}
