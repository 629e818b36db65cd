// Generates five years of a large branch (~4 million tickets) into a temporary SQLite file,
// through the same triggers that fold live tickets into the statistics summaries, then times
// the manager's statistics queries. Run alone: `npx tsx branch-server/bench/stats-queries.ts`
// (SKR_BENCH_TICKETS=200000 for a quick run).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultQueueSettings, type Counter } from '@skr/protocol';
import type { StatsPeriod } from '@skr/protocol/manager';
import { demoServices } from '../src/seed/demo-branch';
import { startOfLocalDay } from '@skr/protocol/time-zone';
import { addDays } from '../src/stats/period';
import { statsReport } from '../src/stats/stats-report';
import { catalogRepo, openDatabase, type Db } from '../src/store';

/** Options of a benchmark run. */
export interface BenchOptions {
  /** Tickets to generate (default 4,000,000: 5 years × ~252 working days × ~3,200). */
  tickets?: number;
  /** Repeats of each query (default 40). */
  repeats?: number;
  /** Where to print; silent when absent. */
  log?: (line: string) => void;
  /** Keep the database file (its path is returned). */
  keep?: boolean;
}

/** Timing of one query kind. */
export interface BenchTiming {
  query: string;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** A seeded PRNG (mulberry32): the same history every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTERS = 60;
const PER_DAY = 3200;
const services = demoServices;
const weights = [0.22, 0.18, 0.12, 0.14, 0.1, 0.08, 0.09, 0.07];

/** 60 counters, each with a main service and one or two side ones. */
function largeBranchCounters(): Counter[] {
  return Array.from({ length: COUNTERS }, (_, i) => ({
    id: i + 1,
    number: i + 1,
    label: null,
    name: `Stanowisko ${i + 1}`,
    skills: {
      [services[i % 8]!.id]: 3,
      [services[(i + 3) % 8]!.id]: 1,
      [services[(i + 5) % 8]!.id]: 1,
    },
    state: 'closed' as const,
    pauseReason: null,
    clerk: null,
  }));
}

/** Writes `tickets` tickets over consecutive working days ending yesterday; returns the days. */
export function generateHistory(db: Db, tickets: number, now = new Date()): string[] {
  const random = rng(20240601);
  const tz = defaultQueueSettings.timeZone;
  const catalog = catalogRepo(db);
  db.transaction(() => {
    for (const s of services) catalog.saveService(s);
    for (const c of largeBranchCounters()) catalog.saveCounter(c);
    catalog.saveSettings(defaultQueueSettings);
  })();
  const counters = largeBranchCounters();
  const servers = services.map((s) => counters.filter((c) => c.skills[s.id] !== undefined));
  const insert = db.prepare(
    `INSERT INTO tickets (id, number, service_id, day, state, priority, booking_code, booked_for, lang,
       issued_at, line_at, counter_id, called_at, started_at, finished_at, clerk)
     VALUES (?, ?, ?, ?, ?, NULL, ?, ?, 'pl', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const booking = db.prepare(
    `INSERT INTO bookings (code, service_id, booked_for, status, ticket_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const days: string[] = [];
  let day = addDays(now.toISOString().slice(0, 10), -1);
  while (days.length * PER_DAY < tickets) {
    const dow = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) days.unshift(day);
    day = addDays(day, -1);
  }
  let left = tickets;
  const iso = (ms: number) => new Date(ms).toISOString();
  for (const d of days) {
    const n = Math.min(left, Math.round(PER_DAY * (0.8 + random() * 0.4)), left);
    left -= n;
    const open = startOfLocalDay(d, tz).getTime() + 8 * 3600_000;
    const seq = new Array<number>(8).fill(0);
    db.transaction(() => {
      for (let i = 0; i < n; i += 1) {
        let r = random();
        let si = 0;
        while (si < 7 && r > weights[si]!) r -= weights[si++]!;
        const svc = services[si]!;
        // Arrivals peak in the morning: a triangle over 10 hours with its mode at 9:30.
        const u = random();
        const hours = u < 0.15 ? Math.sqrt(u / 0.15) * 1.5 : 10 - Math.sqrt((1 - u) / 0.85) * 8.5;
        const issued = open + hours * 3600_000;
        const booked = random() < 0.2;
        const line = booked ? issued + random() * 10 * 60_000 : issued;
        const wait = Math.min(200, -Math.log(1 - random()) * svc.targetWaitMinutes * 0.8);
        const called = line + wait * 60_000;
        const c = servers[si]![Math.floor(random() * servers[si]!.length)]!;
        const clerk = `urzednik${((c.id + Math.floor(random() * 2) * 7) % 80) + 1}`;
        const fate = random();
        const state = fate < 0.03 ? 'cancelled' : fate < 0.08 ? 'no-show' : 'done';
        const service = 3 + -Math.log(1 - random()) * 9;
        const started = called + 60_000;
        const id = `${d}-${i}`;
        seq[si]! += 1;
        const code = booked ? `B${d.replaceAll('-', '')}${i}` : null;
        insert.run(
          id,
          `${svc.prefix}${String(seq[si]).padStart(3, '0')}`,
          svc.id,
          d,
          state,
          code,
          booked ? iso(line) : null,
          iso(issued),
          iso(line),
          state === 'cancelled' ? null : c.id,
          state === 'cancelled' ? null : iso(called),
          state === 'done' ? iso(started) : null,
          state === 'cancelled'
            ? iso(called)
            : iso(state === 'done' ? started + service * 60_000 : called + 180_000),
          state === 'cancelled' ? null : clerk,
        );
        if (code) booking.run(code, svc.id, iso(line), 'checked-in', id, iso(issued));
        // Some booked clients never come.
        if (random() < 0.04)
          booking.run(
            `M${d.replaceAll('-', '')}${i}`,
            svc.id,
            iso(issued),
            'booked',
            null,
            iso(issued),
          );
      }
    })();
    if (left <= 0) break;
  }
  db.pragma('optimize');
  return days;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** Generates the history (unless `db` already has it) and times day, week and month reports. */
export async function benchStatsQueries(opts: BenchOptions = {}): Promise<{
  tickets: number;
  days: number;
  generateMs: number;
  timings: BenchTiming[];
  dbPath: string;
}> {
  const log = opts.log ?? (() => {});
  const tickets = opts.tickets ?? 4_000_000;
  const repeats = opts.repeats ?? 40;
  const dir = mkdtempSync(join(tmpdir(), 'skr-bench-'));
  const dbPath = join(dir, 'branch.sqlite');
  const db = openDatabase(dbPath);
  // Generating history needs no power-loss safety; the branch itself runs synchronous=FULL.
  db.pragma('synchronous = OFF');
  try {
    log(`generating ${tickets.toLocaleString('en')} tickets into ${dbPath} …`);
    const t0 = performance.now();
    const days = generateHistory(db, tickets);
    const generateMs = Math.round(performance.now() - t0);
    log(
      `generated ${days.length} working days (${days[0]} … ${days.at(-1)}) in ${(generateMs / 1000).toFixed(1)} s`,
    );
    const catalog = catalogRepo(db);
    const base = {
      now: new Date(),
      settings: catalog.settings(),
      services: catalog.services(),
      counters: catalog.counters(),
    };
    const random = rng(7);
    const timings: BenchTiming[] = [];
    for (const period of ['day', 'week', 'month'] as StatsPeriod[]) {
      const ms: number[] = [];
      for (let i = 0; i < repeats; i += 1) {
        const date = days[Math.floor(random() * days.length)]!;
        const t = performance.now();
        statsReport(db, { ...base, period, date });
        ms.push(performance.now() - t);
      }
      ms.sort((a, b) => a - b);
      const t: BenchTiming = {
        query: `report ${period}`,
        p50Ms: Math.round(percentile(ms, 0.5) * 10) / 10,
        p99Ms: Math.round(percentile(ms, 0.99) * 10) / 10,
        maxMs: Math.round(ms.at(-1)! * 10) / 10,
      };
      timings.push(t);
      log(
        `${t.query.padEnd(14)} p50 ${t.p50Ms} ms  p99 ${t.p99Ms} ms  max ${t.maxMs} ms  (${repeats} runs)`,
      );
    }
    return { tickets, days: days.length, generateMs, timings, dbPath };
  } finally {
    db.close();
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const tickets = Number(process.env.SKR_BENCH_TICKETS ?? 4_000_000);
  benchStatsQueries({ tickets, log: (l) => console.log(l) }).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
