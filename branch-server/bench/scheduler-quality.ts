// Scheduler quality (issue "reliability"), printed by `npm run bench` and runnable alone:
//   npx tsx branch-server/bench/scheduler-quality.ts
// A discrete-event simulation of whole working days of a large branch (60 counters, the demo
// services, walk-ins by hour, bookings, priorities, no-shows) driving the real domain functions
// with a simulated clock; each policy sees exactly the same clients. Pure: no IO, no clock.
import { pathToFileURL } from 'node:url';
import { compareSchedulers, type PolicyQuality } from '../src/sim';

/** The comparison tables: a realistic day (3 seeds) and a busier one beyond capacity at peak. */
export async function benchSchedulerQuality(): Promise<{
  realisticDay: PolicyQuality[];
  busyDay: PolicyQuality[];
  goals: Record<string, string>;
}> {
  return {
    realisticDay: compareSchedulers({ days: 3, visits: 3200 }),
    busyDay: compareSchedulers({ days: 1, visits: 3500 }),
    goals: {
      estimateMae: '≤ 3 min (default policy, realistic day)',
      bookedWithin5MinShare:
        'as high as possible; booked clients are called within 5 min of their time',
      units: 'minutes; shares 0–1',
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchSchedulerQuality();
  console.log('Scheduler quality: realistic day, 3,200 visits, 60 counters (3 simulated days)');
  console.table(r.realisticDay);
  console.log('Busy day: 3,500 visits (peak hour beyond capacity)');
  console.table(r.busyDay);
}
