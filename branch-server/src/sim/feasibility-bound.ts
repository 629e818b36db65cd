import { defaultQueueSettings, type QueueSettings } from '@skr/protocol';
import { issueTicket } from '../domain';
import { generateDay, type ScenarioOptions, type SimDay } from './scenario';

/**
 * A lower bound on the longest wait of a simulated day that no calling policy can beat while it
 * calls every booked visit (checked in by its time) within `bookedGraceMinutes` of its time.
 *
 * Why it is a true lower bound. Take any schedule of the day (any policy, any order, early calls
 * allowed) whose longest wait is W and which keeps every booking. Each client j is then called
 * (its counter taken: walk, service, or the 2 minutes of a no-show, `p_j` minutes in all) at a
 * moment s_j with a_j ≤ s_j ≤ d_j, where a_j is the arrival and d_j the latest call the schedule
 * allows (its line time + W, a booking on time + min(W, grace)). Pick any set S of services and
 * let K be the m counters with a skill for one of them: every client of S is served on K. Pick
 * any window [t1, T] and the clients J of S with a_j ≥ t1 and d_j ≤ T: all are called inside the
 * window. On one counter the clients of J are served one after the other, so all but the last one
 * it calls are served wholly inside the window; the m counters have at most m "last" clients.
 * Hence Σ_J p_j − (the m largest p_j of J) ≤ m (T − t1), whatever else K also serves. A W for
 * which some S and window break this inequality admits no such schedule, and the inequality only
 * tightens as W falls (a smaller W puts more clients into J); so a W found to break it (the value
 * returned, within `precisionMinutes` below the smallest W that passes) is a lower bound, and checking fewer windows only makes it weaker, never
 * wrong. It relaxes skills within S (K pooled), the other services' work on K, and what K still
 * has in hand at t1, so the best policy may well do worse. Infinity: no schedule keeps every
 * booking (some group fails even with a whole day's wait).
 */
export function longestWaitLowerBound(day: SimDay, opts: BoundOptions = {}): number {
  const grace = opts.bookedGraceMinutes ?? 5;
  const maxWindow = opts.windowMinutes ?? 480;
  const step = opts.startStepMinutes ?? 5;
  const jobs = jobsOf(day, opts.settings ?? defaultQueueSettings);
  const groups = serviceGroups(day).map((g) => {
    const own = jobs.filter((j) => g.services.has(j.serviceId));
    // Windows start at the first arrival on each step of the clock (fewer windows: weaker, true).
    const arrivals = own.map((j) => j.a).sort((x, y) => x - y);
    const starts = arrivals.filter(
      (a, i) => i === 0 || Math.ceil(a / step) > Math.ceil(arrivals[i - 1]! / step),
    );
    return { ...g, jobs: own, starts };
  });
  const precision = opts.precisionMinutes ?? 0.05;
  const hi = day.openMinutes + Math.max(0, ...jobs.map((j) => j.p)) + 1;
  // Every group must pass, and each passes for every W above its own smallest, so the bound is
  // the largest of the groups' own bounds. A group that passes just above the bound found so
  // far cannot raise it and costs one check; only the others are bisected. The most loaded
  // groups go first, as they usually hold the bound.
  const load = (g: (typeof groups)[number]) => g.jobs.reduce((a, j) => a + j.p, 0) / g.counters;
  let lo = 0;
  for (const g of groups.sort((a, b) => load(b) - load(a))) {
    const holds = (w: number) => windowsHold(g.jobs, g.counters, w, grace, g.starts, maxWindow);
    if (holds(lo + precision)) continue;
    // Past a whole day's wait the group still fails: no schedule keeps every booking.
    if (!holds(hi)) return Infinity;
    let top = hi;
    lo += precision;
    while (top - lo > precision) {
      const mid = (lo + top) / 2;
      if (holds(mid)) top = mid;
      else lo = mid;
    }
  }
  return lo;
}

/** Options of {@link longestWaitLowerBound}. */
export interface BoundOptions {
  /** Minutes after its time a booked visit must be called (5, as the issue asks). */
  bookedGraceMinutes?: number;
  /** Windows longer than this are not checked (cost; the bound stays true, only weaker). */
  windowMinutes?: number;
  /** Windows start at the first arrival of each step of this many minutes. */
  startStepMinutes?: number;
  /** Bisection stops within this many minutes of the smallest W that passes. */
  precisionMinutes?: number;
  settings?: QueueSettings;
}

/** One client as the bound sees it (minutes after opening). */
interface Job {
  serviceId: string;
  /** Arrival: the earliest the client can be called. */
  a: number;
  /** Where the wait is counted from (the simulation's max(issued, line time)). */
  r: number;
  /** A booked visit checked in by its time: called within the grace minutes. */
  onTime: boolean;
  /** Minutes the client holds a counter from the call. */
  p: number;
}

function jobsOf(day: SimDay, settings: QueueSettings): Job[] {
  const services = new Map(day.services.map((s) => [s.id, s]));
  const at = (m: number) => new Date(day.opening.getTime() + m * 60_000);
  const out: Job[] = [];
  for (const c of day.clients) {
    if (c.arrival === undefined || c.arrival >= day.openMinutes) continue;
    // The line time comes from the real issue rule (a late check-in joins as a walk-in).
    const bookedFor = c.bookedAt === null ? null : at(c.bookedAt).toISOString();
    const t = issueTicket(
      {
        id: c.id,
        service: services.get(c.serviceId)!,
        sequence: 1,
        now: at(c.arrival),
        lang: 'pl',
        priority: c.priority,
        booking: bookedFor ? { code: c.id, bookedFor } : null,
      },
      settings,
    );
    const lineAt = (Date.parse(t.lineAt) - day.opening.getTime()) / 60_000;
    out.push({
      serviceId: c.serviceId,
      a: c.arrival,
      r: Math.max(c.arrival, lineAt),
      onTime: c.bookedAt !== null && c.arrival <= c.bookedAt,
      p: c.noShow ? 2 : c.walk + c.service,
    });
  }
  return out;
}

/** A set of services and how many counters have a skill for one of them. */
interface Group {
  services: ReadonlySet<string>;
  counters: number;
}

/**
 * The service sets worth checking: for each set of services, the largest set served by the same
 * counters (more clients on the same counters only tightens the inequality), each once.
 */
export function serviceGroups(day: Pick<SimDay, 'services' | 'counters'>): Group[] {
  const ids = day.services.map((s) => s.id);
  const skilled = new Map(
    ids.map((id) => [id, new Set(day.counters.filter((c) => id in c.skills).map((c) => c.id))]),
  );
  const seen = new Map<string, Group>();
  for (let mask = 1; mask < 1 << ids.length; mask += 1) {
    const k = new Set<number>();
    ids.forEach((id, i) => {
      if (mask & (1 << i)) for (const c of skilled.get(id)!) k.add(c);
    });
    const closed = ids.filter((id) => [...skilled.get(id)!].every((c) => k.has(c)));
    const key = closed.join(',');
    if (k.size > 0 && !seen.has(key))
      seen.set(key, { services: new Set(closed), counters: k.size });
  }
  return [...seen.values()];
}

/**
 * Whether the windows starting at `starts` (each at most `maxWindow` long) pass both necessary
 * conditions for the jobs of one group on its `m` counters, given the longest wait `w`.
 */
function windowsHold(
  jobs: readonly Job[],
  m: number,
  w: number,
  grace: number,
  starts: readonly number[],
  maxWindow: number,
): boolean {
  if (jobs.length <= m) return true;
  const deadline = (j: Job) => j.r + (j.onTime ? Math.min(w, grace) : w);
  const timed = jobs.map((j) => ({ a: j.a, d: deadline(j), p: j.p })).sort((x, y) => x.d - y.d);
  return lastCallsHold(timed, m, starts, maxWindow) && fluidHolds(timed, m, starts, maxWindow);
}

/** A job with its latest call under the W being checked. */
interface Timed {
  a: number;
  d: number;
  p: number;
}

/**
 * Σ p − (m largest p) ≤ m (T − t1) over the jobs called inside [t1, T] (all but each counter's
 * last one are served wholly inside it). `timed` is sorted by latest call.
 */
function lastCallsHold(
  timed: readonly Timed[],
  m: number,
  starts: readonly number[],
  maxWindow: number,
): boolean {
  let first = 0;
  for (const t1 of starts) {
    while (first < timed.length && timed[first]!.d < t1) first += 1;
    const top = new MinHeap();
    let sum = 0;
    for (let i = first; i < timed.length; i += 1) {
      const j = timed[i]!;
      if (j.d - t1 > maxWindow) break;
      if (j.a < t1) continue;
      sum += j.p;
      top.pushCapped(j.p, m);
      if (sum - top.sum > m * (j.d - t1) + 1e-9) return false;
    }
  }
  return true;
}

/**
 * Σ min(p, T − d) ≤ m (T − t1) over the jobs arriving from t1 on: a job called by d has been
 * served at least min(p, T − d) minutes by T, and none of it before t1. Checked at every
 * T = d + p (the left side's slope only falls there, so its excess peaks there).
 */
function fluidHolds(
  timed: readonly Timed[],
  m: number,
  starts: readonly number[],
  maxWindow: number,
): boolean {
  const events = timed
    .flatMap((j) => [
      { t: j.d, slope: 1, a: j.a, d: j.d },
      { t: j.d + j.p, slope: -1, a: j.a, d: j.d },
    ])
    .sort((x, y) => x.t - y.t || y.slope - x.slope);
  let first = 0;
  for (const t1 of starts) {
    while (first < events.length && events[first]!.t < t1) first += 1;
    let f = 0;
    let slope = 0;
    let prev = t1;
    for (let i = first; i < events.length; i += 1) {
      const e = events[i]!;
      if (e.t - t1 > maxWindow) break;
      if (e.a < t1) continue;
      f += slope * (e.t - prev);
      prev = e.t;
      slope += e.slope;
      if (e.slope < 0 && f > m * (e.t - t1) + 1e-9) return false;
    }
  }
  return true;
}

/** A min-heap keeping the largest `cap` numbers pushed and their sum. */
class MinHeap {
  private h: number[] = [];
  sum = 0;

  pushCapped(x: number, cap: number): void {
    const h = this.h;
    if (h.length < cap) {
      h.push(x);
      this.sum += x;
      this.up(h.length - 1);
    } else if (x > h[0]!) {
      this.sum += x - h[0]!;
      h[0] = x;
      this.down(0);
    }
  }

  private up(i: number): void {
    const h = this.h;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p]! <= h[i]!) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.h;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let s = i;
      if (l < h.length && h[l]! < h[s]!) s = l;
      if (r < h.length && h[r]! < h[s]!) s = r;
      if (s === i) return;
      [h[s], h[i]] = [h[i]!, h[s]!];
      i = s;
    }
  }
}

/** The bound over the days a comparison simulates (seeds 1…days): the longest of them. */
export function longestWaitLowerBoundOfDays(
  opts: Omit<ScenarioOptions, 'seed'> & { days?: number },
  bound: BoundOptions = {},
): number {
  let worst = 0;
  for (let seed = 1; seed <= (opts.days ?? 3); seed += 1) {
    worst = Math.max(worst, longestWaitLowerBound(generateDay({ ...opts, seed }), bound));
  }
  return worst;
}
