import { counterIds, weeklyPlan } from '../test/booking-plan';

/**
 * Calendar plan blocks for Monday–Friday 08:00–16:00: counters `s01`…, `counters` of them,
 * counter `c` (from 0) taking the services `serviceIdsOf(c)`.
 */
export function weekdayBlocks(counters: number, serviceIdsOf: (c: number) => string[]) {
  const hours = { weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '16:00' };
  return weeklyPlan({ ...hours, counters: counterIds('s', counters, 2) }, serviceIdsOf).blocks;
}
