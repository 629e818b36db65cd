// `npm run bench`: every benchmark of the project, one after another, printing the figures
// the issues ask for (percentiles and ratios measured in this run). Loopback only.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * One benchmark: the module's `bench` export is called with `args`; its result goes to the
 * module's own `printer` export when it has one, else is printed as JSON under `heading`.
 */
interface Bench {
  title: string;
  file: string;
  bench: string;
  args?: unknown[];
  heading?: string;
  printer?: string;
}

const print = (title: string, r: unknown) =>
  console.log(`${title}\n${JSON.stringify(r, null, 2).replace(/^/gm, '  ')}`);

const benches: Bench[] = [
  {
    title: 'Branch core',
    file: 'branch-server/bench/core.ts',
    bench: 'benchCore',
    printer: 'printCore',
  },
  {
    title: 'Call outputs',
    file: 'branch-server/bench/call-outputs.ts',
    bench: 'benchCallOutputs',
    printer: 'printCallOutputs',
  },
  {
    title: 'Display: call → DOM on 10 screens in Chromium',
    file: 'display-board/bench/call-to-dom.ts',
    bench: 'benchCallToDom',
    args: [{ screens: 10, calls: 200 }],
    printer: 'printCallToDom',
  },
  {
    title: 'Display: opening burst of 12 simultaneous calls',
    file: 'display-board/bench/opening-burst.ts',
    bench: 'benchOpeningBurst',
    args: [2],
    heading: 'Display: opening burst, 12 counters call at once → last one announced on a screen',
  },
  {
    title: 'Kiosk: touch → ticket bytes at the printer',
    file: 'kiosk-app/bench/touch-to-print.ts',
    bench: 'benchTouchToPrint',
    args: [{ n: 100 }],
    heading: 'Kiosk: touch → ticket bytes at the printer emulator (goal p99 ≤ 100 ms)',
  },
  {
    title: 'Kiosk: key press → speech audio starts',
    file: 'kiosk-app/bench/key-to-speech.ts',
    bench: 'benchKeyToSpeech',
    args: [{ n: 60 }],
    heading: 'Kiosk speech mode: key press → audio starts (goal p99 ≤ 300 ms, cached ≤ 100 ms)',
  },
  {
    title: 'Portal outbox drain',
    file: 'branch-server/bench/outbox-drain.ts',
    bench: 'benchOutboxDrain',
    args: [{ items: 10000 }],
    heading:
      'Outbox: drain 10,000 items to the portal emulator (goal ≤ 60 s, 0 duplicates, 0 lost)',
  },
  {
    title: 'Notifications drain',
    file: 'branch-server/bench/notifications.ts',
    bench: 'benchNotifications',
    args: [{ reminders: 10000 }],
    heading:
      'Notifications: 10,000 reminders through SMTP and the SMS emulator (0 duplicates, 0 lost)',
  },
  {
    title: 'Statistics queries',
    file: 'branch-server/bench/stats-queries.ts',
    bench: 'benchStatsQueries',
    heading: 'Statistics queries on 5 years (~4M tickets) (goal < 200 ms)',
  },
  {
    title: 'Bookings: availability and contention',
    file: 'branch-server/bench/bookings.ts',
    bench: 'benchBookings',
    heading:
      'Bookings: 30 days of one service p99 (goal ≤ 20 ms branch, ≤ 50 ms stand-in with 300 branches); 200 clients on 4 channels for the last 10 places',
  },
  {
    title: 'Public status: branch and the national list',
    file: 'branch-server/bench/bookings-national-status.ts',
    bench: 'benchNationalStatus',
    args: [{}],
    heading:
      'Public status: branch page p99, and 300 branches at the portal stand-in (national list p99, oldest branch)',
  },
  {
    title: 'Scheduler quality',
    file: 'branch-server/bench/scheduler-quality.ts',
    bench: 'benchSchedulerQuality',
    printer: 'printSchedulerQuality',
  },
];

/** Runs one benchmark module and prints its result. */
async function run(b: Bench, mod: Record<string, unknown>): Promise<void> {
  const r = await (mod[b.bench] as (...args: unknown[]) => Promise<unknown>)(...(b.args ?? []));
  if (b.printer) (mod[b.printer] as (r: unknown) => void)(r);
  else print(b.heading ?? b.title, r);
}

const only = process.argv.slice(2);
let failed = 0;
for (const b of benches) {
  if (only.length && !only.some((o) => b.file.includes(o))) continue;
  if (!existsSync(root + b.file)) {
    console.log(`${b.title}: not present (${b.file})\n`);
    continue;
  }
  const t0 = Date.now();
  try {
    await run(b, (await import(root + b.file)) as Record<string, unknown>);
  } catch (e) {
    failed += 1;
    console.log(`${b.title}: FAILED — ${e instanceof Error ? e.message : e}`);
  }
  console.log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
}
process.exit(failed ? 1 : 0);
