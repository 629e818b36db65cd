/**
 * Calendar plan blocks for Monday–Friday 08:00–16:00: counters `s01`…, `counters` of them,
 * counter `c` (from 0) taking the services `serviceIdsOf(c)`.
 */
export function weekdayBlocks(counters: number, serviceIdsOf: (c: number) => string[]) {
  return [1, 2, 3, 4, 5].flatMap((weekday) =>
    Array.from({ length: counters }, (_, c) => ({
      weekday,
      from: '08:00',
      to: '16:00',
      counterId: `s${String(c + 1).padStart(2, '0')}`,
      serviceIds: serviceIdsOf(c),
    })),
  );
}
