// Call → DOM latency on the waiting-room screens (issue 12): a branch server in its own process
// (as in a branch), N screens in one Chromium, a clerk calling the next ticket over HTTP.
// Measured per call and screen: from just before the clerk's call-next request until the called
// number is in the screen's `latest-call` panel (a MutationObserver in the page stamps the DOM
// change, before paint). The pages are not asked anything while the calls run: each keeps its
// stamps, and they are collected after the last call, so the benchmark's Playwright traffic
// does not compete with the screens it measures. Both clocks are wall-clock ms on one machine
// (performance.timeOrigin + now in Node and in each page); the offset between them is measured
// before and after the calls and reported, and the page stamps are corrected by it.
//   npx tsx display-board/bench/call-to-dom.ts [screens] [calls] [gapMs] [process|inline]
// SKR_BENCH_DIST=<dir> serves the screen from another build (to compare two builds).
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../branch-server/test/browser';
import { connectSocket } from '../../branch-server/test/harness';
import { commitsOf, countCommits } from '../test/commit-counter';
import { act, callNext, issue, openCounter, openScreen } from '../test/helpers';
import { startBenchBranch, type ServerPlace } from './bench-branch';
import { descendantsCpu } from './proc-cpu';

/** Options of the benchmark. */
export interface CallToDomOptions {
  screens: number;
  calls: number;
  /**
   * Pause after every screen showed a call, before the next: 250 ms on average, each drawn
   * evenly within ±40 % by a seeded generator so the calls do not fall in step with the
   * screens' own timers (counts are refreshed 300 ms after a change). Even so the pace is
   * ~10× a large branch's peak (600 calls an hour); 0 measures back-to-back calls.
   */
  gapMs?: number;
  /** Where the branch server runs ('process', as in a branch, by default). */
  server?: ServerPlace;
  /** Serve the screen from this build directory instead of the server's display-board/dist. */
  dist?: string;
}

/** Percentiles of a set of latencies (ms). */
export interface Spread {
  p50: number;
  p99: number;
  max: number;
}

/** Figures in ms: per call, the time until the last of the screens showed it. */
export interface CallToDomResult {
  screens: number;
  calls: number;
  gapMs: number;
  server: ServerPlace;
  p50: number;
  p99: number;
  max: number;
  /** The same over every (call, screen) pair. */
  perScreen: { p50: number; p99: number };
  /** Where the time goes, over every (call, screen) pair. */
  parts: {
    /** Call made → a plain socket.io client in the benchmark's process got the event. */
    toSocket: Spread;
    /** Call made → the screen's code got the event. */
    toScreen: Spread;
    /** The screen got the event → the number was in its DOM. */
    screenToDom: Spread;
  };
  /** Page clock − Node clock (ms), the largest seen before and after the calls. */
  clockOffsetMs: number;
  /**
   * React commits per call and screen while the calls ran (the clock's minute excluded),
   * counted through a stand-in DevTools hook: what the screen's code made the page draw.
   */
  commitsPerCall: number;
  /**
   * CPU ms per call (user + system, from /proc): all of Chromium's processes, the server's, and
   * the benchmark's own (Playwright and the clerk; the server too when it runs inline).
   */
  cpuPerCall: { chromium: number; server: number; bench: number };
}

declare global {
  interface Window {
    __skrBench?: {
      seen: { n: string; t: number }[];
      waiters: { n: string; resolve: (t: number) => void }[];
    };
  }
}

/** The binding through which each page reports a number it has shown. */
const REPORT = '__skrBenchShown';

const wallNow = () => performance.timeOrigin + performance.now();

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, i)]! * 10) / 10;
}

function spread(values: number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), max: percentile(s, 100) };
}

/**
 * Installs the page's observer of the latest-call panel: it stamps each number shown and, when
 * `report` names a binding the page was given, reports the number to the benchmark after the
 * stamp (one message, sent after the measured moment; the benchmark paces its calls on it).
 */
export async function watch(page: Page, report?: string): Promise<void> {
  await page.evaluate((binding) => {
    const el = document.querySelector('[data-testid=latest-call]')!;
    const bench: NonNullable<Window['__skrBench']> = { seen: [], waiters: [] };
    window.__skrBench = bench;
    const send = binding
      ? (window as unknown as Record<string, (n: string) => void>)[binding]
      : undefined;
    new MutationObserver(() => {
      const t = performance.timeOrigin + performance.now();
      const n = el.getAttribute('data-number') ?? '';
      if (bench.seen[bench.seen.length - 1]?.n === n) return;
      bench.seen.push({ n, t });
      for (const w of bench.waiters.filter((x) => x.n === n)) w.resolve(t);
      bench.waiters = bench.waiters.filter((x) => x.n !== n);
      send?.(n);
    }).observe(el, { attributes: true, childList: true, subtree: true, characterData: true });
  }, report);
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

/**
 * Page clock minus Node's: of five round trips, the one that took least (its midpoint is then
 * off by at most half of it, like NTP's best sample).
 */
async function clockOffset(page: Page): Promise<number> {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < 5; i++) {
    const before = wallNow();
    const inPage = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = wallNow();
    if (after - before < best.rtt)
      best = { rtt: after - before, offset: inPage - (before + after) / 2 };
  }
  return best.offset;
}

/** A small seeded generator (mulberry32): the same pauses in every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the screen's scripts and styles from another build directory (an A/B of two builds in
 * the same minutes). The page itself still comes from the server: a document the benchmark
 * made up would count as a public one, and Chromium would then refuse its loopback socket.
 */
function serveBuild(dir: string) {
  const files = readdirSync(join(dir, 'assets'));
  const entry = (ext: string) => files.find((f) => f.startsWith('main-') && f.endsWith(ext));
  return async (context: BrowserContext) => {
    await context.route('**/display/assets/**', async (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
      const ext = extname(name);
      // The server's entry names its own hashes; the other build's entry stands in for them.
      const file = name.startsWith('main-') ? entry(ext) : files.find((f) => f === name);
      if (!file) return route.continue();
      const body = await readFile(join(dir, 'assets', file));
      await route.fulfill({ body, contentType: TYPES[ext] ?? 'application/octet-stream' });
    });
  };
}

/** What a page kept: its DOM stamps and when its code received each call (page clock). */
interface PageLog {
  shown: { n: string; t: number }[];
  received: { number: string; receivedAt: number }[];
}

function pageLog(page: Page): Promise<PageLog> {
  return page.evaluate(() => ({
    shown: window.__skrBench!.seen,
    received: (window.__skrDisplay?.calls ?? []).map((c) => ({
      number: c.number,
      // Builds before receivedAt was recorded have none.
      receivedAt: (c as { receivedAt?: number }).receivedAt ?? NaN,
    })),
  }));
}

/** Runs the benchmark and returns the latency percentiles (ms). */
export async function benchCallToDom(
  opts: CallToDomOptions = { screens: 10, calls: 200 },
): Promise<CallToDomResult> {
  const gapMs = opts.gapMs ?? 250;
  const place = opts.server ?? 'process';
  const [browser, b] = await Promise.all([launchBrowser(), startBenchBranch(place)]);
  const socket = { close: () => {} };
  try {
    const kiosk = await b.device('kiosk');
    for (let i = 0; i < opts.calls; i++) await issue(b, kiosk, 'emerytury');
    const display = await b.device('display', 'bench socket');
    const plain = await connectSocket(b.url, '/display', display);
    socket.close = plain.close;
    const toSocket = new Map<string, number>();
    plain.socket.on('event', (e) => {
      if (e.type === 'ticket.called' && e.ticket) toSocket.set(e.ticket.number, wallNow());
    });
    // How many screens showed each number (reported by the pages after their stamp).
    const shownBy = new Map<string, number>();
    let waiting: { number: string; done: () => void } | undefined;
    const onShown = (n: string) => {
      const count = (shownBy.get(n) ?? 0) + 1;
      shownBy.set(n, count);
      if (count === opts.screens && waiting?.number === n) waiting.done();
    };
    const pages: Page[] = [];
    const build = opts.dist ? serveBuild(opts.dist) : undefined;
    const prepare = async (context: BrowserContext) => {
      await countCommits(context);
      await build?.(context);
    };
    for (let i = 0; i < opts.screens; i++) {
      const token = await b.device('display', `bench ${i + 1}`);
      const viewport = { width: 1920, height: 1080 };
      const s = await openScreen(browser, b.url, token, viewport, {}, prepare);
      await s.page.exposeFunction(REPORT, onShown);
      await watch(s.page, REPORT);
      pages.push(s.page);
    }
    const offsets = await Promise.all(pages.map(clockOffset));
    const clerk = await openCounter(b, 1);
    const random = seeded(12);
    const commits0 = await Promise.all(pages.map(commitsOf));
    const cpu0 = { ...descendantsCpu(b.pid), bench: process.cpuUsage() };
    const made: { number: string; t0: number }[] = [];
    let prev: { id: string } | undefined;
    for (let i = 0; i < opts.calls; i++) {
      // The ticket in hand must be started before the next call (the server refuses otherwise).
      if (prev) await act(b, clerk, prev.id, 'start');
      const t0 = wallNow();
      const t = await callNext(b, clerk, 1);
      made.push({ number: t.number, t0 });
      prev = t;
      await allShown(t.number);
      await new Promise((r) => setTimeout(r, gapMs * (0.6 + 0.8 * random())));
    }
    /** Resolves when every screen has reported `number`; a screen that never does fails the run. */
    function allShown(number: string): Promise<void> {
      if (shownBy.get(number) === opts.screens) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${number} not on every screen in 15 s`)),
          15_000,
        );
        waiting = {
          number,
          done: () => {
            clearTimeout(timer);
            waiting = undefined;
            resolve();
          },
        };
      });
    }
    const cpu1 = { ...descendantsCpu(b.pid), bench: process.cpuUsage(cpu0.bench) };
    // Up to the refresh the last call asked for and the estimates it held (their commits belong
    // to that call). Builds without the flags: the second covers the refresh.
    await new Promise((r) => setTimeout(r, 1000));
    await Promise.all(
      pages.map((p) =>
        p.waitForFunction(
          () => {
            const d = window.__skrDisplay as { settled?: boolean; estimatesHeld?: boolean };
            return d.settled !== false && d.estimatesHeld !== true;
          },
          undefined,
          { timeout: 10_000 },
        ),
      ),
    );
    const commits1 = await Promise.all(pages.map(commitsOf));
    const after = await Promise.all(pages.map(clockOffset));
    const logs = await Promise.all(pages.map(pageLog));
    const worst: number[] = [];
    const all: number[] = [];
    const parts = {
      toSocket: [] as number[],
      toScreen: [] as number[],
      screenToDom: [] as number[],
    };
    for (const { number, t0 } of made) {
      const got = toSocket.get(number);
      if (got !== undefined) parts.toSocket.push(got - t0);
      const lat = logs.map((log, i) => {
        // The page's stamps in Node's clock: the offset averaged over before and after.
        const off = (offsets[i]! + after[i]!) / 2;
        const shown = log.shown.find((x) => x.n === number);
        if (!shown) throw new Error(`screen ${i + 1} never showed ${number}`);
        const received = log.received.find((x) => x.number === number)?.receivedAt;
        if (received !== undefined && !Number.isNaN(received)) {
          parts.toScreen.push(received - off - t0);
          parts.screenToDom.push(shown.t - received);
        }
        return shown.t - off - t0;
      });
      all.push(...lat);
      worst.push(Math.max(...lat));
    }
    const perCall = (ms: number) => Math.round((ms / opts.calls) * 10) / 10;
    const w = spread(worst);
    const a = spread(all);
    const offsetMs = Math.max(...[...offsets, ...after].map(Math.abs));
    return {
      screens: opts.screens,
      calls: opts.calls,
      gapMs,
      server: place,
      ...w,
      perScreen: { p50: a.p50, p99: a.p99 },
      parts: {
        toSocket: spread(parts.toSocket),
        toScreen: spread(parts.toScreen),
        screenToDom: spread(parts.screenToDom),
      },
      clockOffsetMs: Math.round(offsetMs * 10) / 10,
      commitsPerCall:
        Math.round(
          (commits1.reduce((n, c, i) => n + c - commits0[i]!, 0) / opts.calls / opts.screens) * 100,
        ) / 100,
      cpuPerCall: {
        chromium: perCall(cpu1.rest - cpu0.rest),
        server: perCall(cpu1.apart - cpu0.apart),
        bench: perCall((cpu1.bench.user + cpu1.bench.system) / 1000),
      },
    };
  } finally {
    socket.close();
    await browser.close();
    await b.close();
  }
}

/** Prints the figures (`npm run bench`). */
export function printCallToDom(r: CallToDomResult): void {
  console.log(
    `call → DOM on ${r.screens} screens, ${r.calls} calls, ~${r.gapMs} ms after each was on every screen, server ${r.server === 'process' ? 'in its own process' : 'in the benchmark process'} (goal p99 ≤ 100 ms)`,
  );
  console.log(`  last screen: p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms`);
  console.log(`  any screen:  p50 ${r.perScreen.p50} ms, p99 ${r.perScreen.p99} ms`);
  const s = (x: Spread) => `p50 ${x.p50}, p99 ${x.p99}, max ${x.max}`;
  console.log(`  call → plain socket in the bench: ${s(r.parts.toSocket)}`);
  console.log(`  call → screen's code got it:      ${s(r.parts.toScreen)}`);
  console.log(`  screen got it → DOM:              ${s(r.parts.screenToDom)}`);
  console.log(`  page vs Node clock offset: ≤ ${r.clockOffsetMs} ms (corrected)`);
  console.log(`  React commits per call and screen: ${r.commitsPerCall}`);
  const c = r.cpuPerCall;
  console.log(
    `  CPU per call: Chromium (${r.screens} screens) ${c.chromium} ms, server ${c.server} ms, benchmark ${c.bench} ms`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const screens = Number(process.argv[2] ?? 10);
  const calls = Number(process.argv[3] ?? 200);
  const gapMs = Number(process.argv[4] ?? 250);
  const server = (process.argv[5] ?? 'process') as ServerPlace;
  const dist = process.env.SKR_BENCH_DIST;
  printCallToDom(await benchCallToDom({ screens, calls, gapMs, server, dist }));
}
