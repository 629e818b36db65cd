// Shared by the branch (domain/calendar) and the portal stand-in: both judge capacity this way.
// Whether the visits of a slot fit its places. A place (a counter) takes one visit of any service
// it serves, so "fits" is a bipartite matching, not a count: two visits of a service only one
// counter serves do not fit even when a second counter is idle. Slots have a few dozen counters
// at most, so Kuhn's augmenting paths are plenty.

/** A place that can take one visit of any of its services. */
export interface Place {
  readonly key: string;
  readonly serviceIds: readonly string[];
}

/** A visit that needs a place for its service. */
export interface Demand {
  readonly id: string;
  readonly serviceId: string;
}

/** Which demand sits at which place, and the demands left without one. */
export interface Assignment {
  readonly placeOf: ReadonlyMap<string, string>;
  readonly unmatched: readonly string[];
}

/**
 * A maximum matching of demands to places. Demands are tried in the given order and a demand
 * once placed stays placed (augmenting paths only move it), so earlier demands win when not all fit.
 */
export function assign(places: readonly Place[], demands: readonly Demand[]): Assignment {
  const holder = new Map<number, number>(); // place index → demand index
  const fits = demands.map((d) =>
    places.flatMap((p, i) => (p.serviceIds.includes(d.serviceId) ? [i] : [])),
  );
  const tryPlace = (di: number, seen: Set<number>): boolean => {
    for (const pi of fits[di] ?? []) {
      if (seen.has(pi)) continue;
      seen.add(pi);
      const other = holder.get(pi);
      if (other === undefined || tryPlace(other, seen)) {
        holder.set(pi, di);
        return true;
      }
    }
    return false;
  };
  const unmatched: string[] = [];
  demands.forEach((d, di) => {
    if (!tryPlace(di, new Set())) unmatched.push(d.id);
  });
  const placeOf = new Map<string, string>();
  for (const [pi, di] of holder) {
    const place = places[pi];
    const demand = demands[di];
    if (place && demand) placeOf.set(demand.id, place.key);
  }
  return { placeOf, unmatched };
}

/** True when every demand gets a place. */
export function fitsAll(places: readonly Place[], demands: readonly Demand[]): boolean {
  if (demands.length > places.length) return false;
  return assign(places, demands).unmatched.length === 0;
}

/** How many more visits of `serviceId` fit beside `demands` (0 when they already do not fit). */
export function spareFor(
  places: readonly Place[],
  demands: readonly Demand[],
  serviceId: string,
): number {
  // One matching run: the existing demands go first and, once placed, stay placed, so the
  // extras that find a place are exactly how many more fit.
  const extras = Array.from({ length: Math.max(0, places.length - demands.length) }, (_, i) => ({
    id: `\u0000extra${String(i)}`,
    serviceId,
  }));
  const { unmatched } = assign(places, [...demands, ...extras]);
  if (unmatched.some((id) => !id.startsWith('\u0000extra'))) return 0;
  return extras.length - unmatched.length;
}
