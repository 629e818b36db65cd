import { describe, expect, it } from 'vitest';
import { assign, fitsAll, spareFor, type Demand, type Place } from './calendar-matching';

// The matching is judged against a brute force that tries every seating, on 2,000 seeded random
// slots of up to 7 places and 6 visits: small enough to enumerate, varied enough to hit the
// augmenting paths (a visit moving to another counter to make room).

const SERVICES = ['a', 'b', 'c', 'd'];

/** True when the services can all be seated, by trying every seating. */
function seats(places: readonly Place[], services: readonly string[]): boolean {
  const used = places.map(() => false);
  const go = (i: number): boolean => {
    if (i === services.length) return true;
    for (let p = 0; p < places.length; p++) {
      if (used[p] || !places[p]!.serviceIds.includes(services[i]!)) continue;
      used[p] = true;
      if (go(i + 1)) return true;
      used[p] = false;
    }
    return false;
  };
  return go(0);
}

function randomSlot(rnd: () => number) {
  const places: Place[] = Array.from({ length: 1 + Math.floor(rnd() * 7) }, (_, i) => ({
    key: `p${String(i)}`,
    serviceIds: SERVICES.filter(() => rnd() < 0.45),
  }));
  const demands: Demand[] = Array.from({ length: Math.floor(rnd() * 6) }, (_, i) => ({
    id: `d${String(i)}`,
    serviceId: SERVICES[Math.floor(rnd() * 4)]!,
  }));
  return { places, demands, serviceId: SERVICES[Math.floor(rnd() * 4)]! };
}

describe('calendar matching', () => {
  it('agrees with a brute force on fits, spare places and the seating', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let t = 0; t < 2000; t++) {
      const { places, demands, serviceId } = randomSlot(rnd);
      const wanted = demands.map((d) => d.serviceId);
      const fit = seats(places, wanted);
      expect(fitsAll(places, demands)).toBe(fit);
      let spare = 0;
      if (fit)
        while (seats(places, [...wanted, ...Array<string>(spare + 1).fill(serviceId)])) spare++;
      expect(spareFor(places, demands, serviceId)).toBe(spare);
      // The seating is real: each seated visit at a distinct place that serves its service.
      const { placeOf, unmatched } = assign(places, demands);
      expect(unmatched.length === 0).toBe(fit);
      expect(new Set(placeOf.values()).size).toBe(placeOf.size);
      for (const d of demands) {
        const key = placeOf.get(d.id);
        if (key) expect(places.find((p) => p.key === key)!.serviceIds).toContain(d.serviceId);
      }
    }
  });

  it('lets a seated visit move to make room (c1 pensions+benefits, c2 pensions)', () => {
    const places = [
      { key: 'c1', serviceIds: ['pensions', 'benefits'] },
      { key: 'c2', serviceIds: ['pensions'] },
    ];
    const demands = [{ id: 'v1', serviceId: 'pensions' }];
    expect(spareFor(places, demands, 'benefits')).toBe(1);
    expect(
      assign(places, [...demands, { id: 'v2', serviceId: 'benefits' }]).placeOf.get('v1'),
    ).toBe('c2');
    expect(spareFor(places, [...demands, { id: 'v2', serviceId: 'pensions' }], 'benefits')).toBe(0);
  });
});
