// `npm run bench`: every benchmark of the project, one after another, printing the figures
// the issues ask for (percentiles and ratios measured in this run). Loopback only.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Bench {
  title: string;
  file: string;
  run: (mod: Record<string, unknown>) => Promise<void>;
}

const print = (title: string, r: unknown) =>
  console.log(`${title}\n${JSON.stringify(r, null, 2).replace(/^/gm, '  ')}`);

const benches: Bench[] = [
  {
    title: 'Branch core',
    file: 'branch-server/bench/core.ts',
    run: async (m) =>
      (m.printCore as (r: unknown) => void)(await (m.benchCore as () => Promise<unknown>)()),
  },
  {
    title: 'Call outputs',
    file: 'branch-server/bench/call-outputs.ts',
    run: async (m) =>
      (m.printCallOutputs as (r: unknown) => void)(
        await (m.benchCallOutputs as () => Promise<unknown>)(),
      ),
  },
  {
    title: 'Display: call → DOM on 10 screens in Chromium',
    file: 'display-board/bench/call-to-dom.ts',
    run: async (m) =>
      print(
        'Display: call → DOM on 10 screens (goal p99 ≤ 100 ms)',
        await (m.benchCallToDom as (o: object) => Promise<unknown>)({ screens: 10, calls: 200 }),
      ),
  },
  {
    title: 'Display: opening burst of 12 simultaneous calls',
    file: 'display-board/bench/opening-burst.ts',
    run: async (m) =>
      print(
        'Display: opening burst, 12 counters call at once → last one announced on a screen',
        await (m.benchOpeningBurst as (rounds: number) => Promise<unknown>)(2),
      ),
  },
  {
    title: 'Kiosk: touch → ticket bytes at the printer',
    file: 'kiosk-app/bench/touch-to-print.ts',
    run: async (m) =>
      print(
        'Kiosk: touch → ticket bytes at the printer emulator (goal p99 ≤ 100 ms)',
        await (m.benchTouchToPrint as (o: object) => Promise<unknown>)({ n: 100 }),
      ),
  },
  {
    title: 'Kiosk: key press → speech audio starts',
    file: 'kiosk-app/bench/key-to-speech.ts',
    run: async (m) =>
      print(
        'Kiosk speech mode: key press → audio starts (goal p99 ≤ 300 ms, cached ≤ 100 ms)',
        await (m.benchKeyToSpeech as (o: object) => Promise<unknown>)({ n: 60 }),
      ),
  },
  {
    title: 'Portal outbox drain',
    file: 'branch-server/bench/outbox-drain.ts',
    run: async (m) =>
      print(
        'Outbox: drain 10,000 items to the portal emulator (goal ≤ 60 s, 0 duplicates, 0 lost)',
        await (m.benchOutboxDrain as (o: object) => Promise<unknown>)({ items: 10000 }),
      ),
  },
  {
    title: 'Notifications drain',
    file: 'branch-server/bench/notifications.ts',
    run: async (m) =>
      print(
        'Notifications: 10,000 reminders through SMTP and the SMS emulator (0 duplicates, 0 lost)',
        await (m.benchNotifications as (o: object) => Promise<unknown>)({ reminders: 10000 }),
      ),
  },
  {
    title: 'Statistics queries',
    file: 'branch-server/bench/stats-queries.ts',
    run: async (m) =>
      print(
        'Statistics queries on 5 years (~4M tickets) (goal < 200 ms)',
        await (m.benchStatsQueries as () => Promise<unknown>)(),
      ),
  },
  {
    title: 'Bookings: availability and contention',
    file: 'branch-server/bench/bookings.ts',
    run: async (m) =>
      print(
        'Bookings: 30 days of one service p99 (goal ≤ 20 ms branch, ≤ 50 ms stand-in with 300 branches); 200 clients on 4 channels for the last 10 places',
        await (m.benchBookings as () => Promise<unknown>)(),
      ),
  },
  {
    title: 'Public status: branch and the national list',
    file: 'branch-server/bench/bookings-national-status.ts',
    run: async (m) =>
      print(
        'Public status: branch page p99, and 300 branches at the portal stand-in (national list p99, oldest branch)',
        await (m.benchNationalStatus as (o: object) => Promise<unknown>)({}),
      ),
  },
  {
    title: 'Scheduler quality',
    file: 'branch-server/bench/scheduler-quality.ts',
    run: async (m) =>
      (m.printSchedulerQuality as (r: unknown) => void)(
        await (m.benchSchedulerQuality as () => Promise<unknown>)(),
      ),
  },
];

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
    await b.run((await import(root + b.file)) as Record<string, unknown>);
  } catch (e) {
    failed += 1;
    console.log(`${b.title}: FAILED — ${e instanceof Error ? e.message : e}`);
  }
  console.log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
}
process.exit(failed ? 1 : 0);
