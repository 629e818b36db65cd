import type { Counter } from '@skr/protocol';

/** A simulated booking calendar: which counter holds each booked visit of each slot. */
export interface SlotPlaces {
  /** Takes a place for the service in the nearest slot to `wanted` that has one; undefined: the day is full. */
  book(serviceId: string, wanted: number): number | undefined;
}

/**
 * The calendar's capacity rule (docs/bookings.md): in each slot a counter takes at most one
 * booked visit, of a service it has a skill for. A request goes to a free counter whose weight
 * for the service is highest (its main skill), so flexible counters stay free for services
 * fewer counters can take; greedy, not an optimal matching, so it may refuse a request a
 * matching would fit, never accept one beyond capacity. A full slot sends the client to the
 * nearest slot with a place (later first at equal distance), as a client picking another time.
 */
export function createSlotPlaces(counters: readonly Counter[], slots: number): SlotPlaces {
  const taken = Array.from({ length: slots }, () => new Set<number>());
  const skilled = (serviceId: string) =>
    counters
      .filter((c) => c.skills[serviceId] !== undefined)
      .sort(
        (a, b) =>
          b.skills[serviceId]! - a.skills[serviceId]! ||
          Object.keys(a.skills).length - Object.keys(b.skills).length ||
          a.id - b.id,
      );
  const take = (list: readonly Counter[], slot: number): boolean => {
    const free = list.find((c) => !taken[slot]!.has(c.id));
    if (!free) return false;
    taken[slot]!.add(free.id);
    return true;
  };
  return {
    book(serviceId, wanted) {
      const list = skilled(serviceId);
      for (let d = 0; d < slots; d += 1) {
        for (const slot of d === 0 ? [wanted] : [wanted + d, wanted - d]) {
          if (slot >= 0 && slot < slots && take(list, slot)) return slot;
        }
      }
      return undefined;
    },
  };
}
