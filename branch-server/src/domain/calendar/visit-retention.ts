import { localDay, startOfLocalDay } from '@skr/protocol/time-zone';
import type { RowChange } from '../records';

/**
 * The retention of a visit's person (pure): once its day is over, a calendar visit keeps only
 * what the statistics and the manager's views need (service, time, side, channel, status), and
 * its PESEL hash goes, in the visit and in its check-in cache row. Today's visits keep it: a
 * late client still checks in by ID card and the per-person rules still count today.
 */
export function decideVisitRetention(now: Date, zone: string): RowChange {
  return {
    row: 'calendar-forget',
    before: startOfLocalDay(localDay(now, zone), zone).toISOString(),
  };
}
