// Scheduler quality (issue "reliability"), printed by `npm run bench` and runnable alone:
//   npx tsx branch-server/bench/scheduler-quality.ts
// A discrete-event simulation of whole working days of a large branch (60 counters, the demo
// services, walk-ins by hour, bookings, priorities, no-shows) driving the real domain functions
// with a simulated clock; each policy sees exactly the same clients. Pure: no IO, no clock.
import { pathToFileURL } from 'node:url';
import { compareSchedulers, DAY_2026, type PolicyQuality } from '../src/sim';

/**
 * The comparison tables: a realistic day (3 seeds), a busier one beyond capacity at peak, and a
 * 2026 day (~70 % booked in 30-minute slots).
 */
export async function benchSchedulerQuality(): Promise<{
  realisticDay: PolicyQuality[];
  busyDay: PolicyQuality[];
  day2026: PolicyQuality[];
  goals: Record<string, string>;
}> {
  return {
    realisticDay: compareSchedulers({ days: 3, visits: 3200 }),
    busyDay: compareSchedulers({ days: 1, visits: 3500 }),
    day2026: compareSchedulers({ ...DAY_2026, days: 1 }),
    goals: {
      estimateMae: '≤ 3 min (default policy, realistic day)',
      bookedWithin5MinShare:
        'as high as possible; booked clients are called within 5 min of their time',
      units: 'minutes; shares 0–1',
    },
  };
}

/** Prints the three days as tables, one row per policy (minutes; shares 0–1). */
export function printSchedulerQuality(r: Awaited<ReturnType<typeof benchSchedulerQuality>>): void {
  const cols = [
    'policy',
    'meanWait',
    'p90Wait',
    'longestWait',
    'priorityMeanWait',
    'bookedWithin5MinShare',
    'estimateMae',
  ] as const;
  const table = (rows: PolicyQuality[]) =>
    console.table(rows.map((row) => Object.fromEntries(cols.map((c) => [c, row[c]]))));
  console.log('Scheduler quality: realistic day, 3,200 visits, 60 counters (3 simulated days)');
  table(r.realisticDay);
  console.log('Busy day: 3,500 visits (peak hour beyond capacity)');
  table(r.busyDay);
  console.log('2026 day: 3,200 visits, ~70 % booked in 30-minute slots');
  table(r.day2026);
  for (const [k, v] of Object.entries(r.goals)) console.log(`  ${k}: ${v}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printSchedulerQuality(await benchSchedulerQuality());
}
