// Shared by the branch (domain/calendar) and the portal stand-in: both judge capacity this way.
// Whether the visits of a slot fit its places. A place (a counter) takes one visit of any service
// it serves, so "fits" is a bipartite matching, not a count: two visits of a service only one
// counter serves do not fit even when a second counter is idle. Slots have a few dozen counters
// at most, so Kuhn's augmenting paths are plenty. Availability runs this for every slot of a
// month, so the search allocates little: typed arrays, one list of places per service.

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

/** A matching being grown one demand at a time; a placed demand stays placed (paths only move it). */
class Matcher {
  /** Place index → index of the demand sitting there, or -1. */
  readonly holder: Int32Array;
  /** Demand index → its service's place list. */
  private readonly demandFits: (readonly number[])[] = [];
  private readonly fitsOf = new Map<string, number[]>();
  /** Place index → the search that last visited it (one stamp per search, no Set per call). */
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(private readonly places: readonly Place[]) {
    this.holder = new Int32Array(places.length).fill(-1);
    this.seen = new Int32Array(places.length).fill(-1);
  }

  private fits(serviceId: string): number[] {
    let list = this.fitsOf.get(serviceId);
    if (!list) {
      list = [];
      for (let i = 0; i < this.places.length; i++)
        if (this.places[i]?.serviceIds.includes(serviceId)) list.push(i);
      this.fitsOf.set(serviceId, list);
    }
    return list;
  }

  private augment(di: number): boolean {
    for (const pi of this.demandFits[di] ?? []) {
      if (this.seen[pi] === this.stamp) continue;
      this.seen[pi] = this.stamp;
      const other = this.holder[pi] ?? -1;
      if (other === -1 || this.augment(other)) {
        this.holder[pi] = di;
        return true;
      }
    }
    return false;
  }

  /** Adds a demand of `serviceId` (index = number added before); true when it got a place. */
  add(serviceId: string): boolean {
    const di = this.demandFits.length;
    this.demandFits.push(this.fits(serviceId));
    this.stamp += 1;
    return this.augment(di);
  }
}

/**
 * A maximum matching of demands to places. Demands are tried in the given order and a demand
 * once placed stays placed (augmenting paths only move it), so earlier demands win when not all fit.
 */
export function assign(places: readonly Place[], demands: readonly Demand[]): Assignment {
  const m = new Matcher(places);
  const unmatched: string[] = [];
  for (const d of demands) if (!m.add(d.serviceId)) unmatched.push(d.id);
  const placeOf = new Map<string, string>();
  m.holder.forEach((di, pi) => {
    const place = places[pi];
    const demand = di === -1 ? undefined : demands[di];
    if (place && demand) placeOf.set(demand.id, place.key);
  });
  return { placeOf, unmatched };
}

/** True when every demand gets a place. */
export function fitsAll(places: readonly Place[], demands: readonly Demand[]): boolean {
  if (demands.length > places.length) return false;
  const m = new Matcher(places);
  for (const d of demands) if (!m.add(d.serviceId)) return false;
  return true;
}

/** How many more visits of `serviceId` fit beside `demands` (0 when they already do not fit). */
export function spareFor(
  places: readonly Place[],
  demands: readonly Demand[],
  serviceId: string,
): number {
  if (demands.length > places.length) return 0;
  const m = new Matcher(places);
  for (const d of demands) if (!m.add(d.serviceId)) return 0;
  // The existing demands stay placed; each extra either finds an augmenting path or not. Once
  // one extra of the service finds none, the matching is unchanged, so no further one can.
  let spare = 0;
  while (spare < places.length - demands.length && m.add(serviceId)) spare += 1;
  return spare;
}

/**
 * The keys of places a holder can give away while `demands` still all fit the rest: each place
 * tried in turn from the last, kept only when the others could not seat the demands. The spare
 * set is spare as a whole, so any part of it can go. Escrow's rule for both the branch and the
 * portal (docs/bookings.md).
 */
export function spareKeys(places: readonly Place[], demands: readonly Demand[]): string[] {
  let kept = [...places];
  const spare: string[] = [];
  for (const place of [...places].reverse()) {
    const without = kept.filter((p) => p.key !== place.key);
    if (fitsAll(without, demands)) {
      kept = without;
      spare.push(place.key);
    }
  }
  return spare;
}
