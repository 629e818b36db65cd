import type { Ticket } from '@skr/protocol';
import { byLine, isBooked, textOrder } from './line-order';
import type { StepView } from './estimate-step-view';
import { NOT_CALLED_YET } from './ticket-lifecycle';
import { shortIsoMs } from './time';

// The waiting tickets of the wait estimate's dry run (estimate-dry-run.ts), in runs whose fronts
// are all a counter needs. A dry run is copied at each moment the projector saves, ~7 times per
// issued ticket at a peak: the runs (their lists, their order, which counter reads which) are
// shared by every copy, and a copy's own part is three flat lists with two entries per run
// (issue 12's second round: a copy used to make an object per run, 32 for 8 services).

/** A waiting ticket that is not in the store: the new one, or a booking not checked in yet. */
export function virtualTicket(
  id: string,
  serviceId: string,
  lineAt: string,
  booked: boolean,
): Ticket {
  return {
    id,
    number: id,
    serviceId,
    day: lineAt.slice(0, 10),
    state: 'waiting',
    priority: null,
    bookingCode: booked ? id : null,
    bookedFor: booked ? lineAt : null,
    lang: 'pl',
    issuedAt: lineAt,
    lineAt,
    ...NOT_CALLED_YET,
  };
}

/** Each counter's services, read once: the dry run asks for them at every call. */
const skillIds = new WeakMap<Readonly<Record<string, number>>, string[]>();

/** The services a counter with these skills serves (the list is kept per skills object). */
export function servicesOf(skills: Readonly<Record<string, number>>): string[] {
  let ids = skillIds.get(skills);
  if (!ids) skillIds.set(skills, (ids = Object.keys(skills)));
  return ids;
}

/** A run's index among its service's four: booked × 2 + priority. */
export function runIndex(t: Ticket): number {
  return (isBooked(t) ? 2 : 0) + (t.priority !== null ? 1 : 0);
}

/**
 * One run of tickets that every policy we run orders by line position: one service, booked or
 * not, priority or not. The default policy's keys (bound wait, lateness, booked time), FIFO and
 * the Novo-SGA-like ordering are all monotone in the line position within a run, so a counter
 * only needs each run's front. Booked visits not checked in yet merge into their service's
 * booked run and become tickets only when they reach its front (hundreds are known each day).
 * A run is shared by the copies of its {@link Fronts}; where each copy is in it, `slot` says.
 */
export class Run {
  constructor(
    /** The run's entry in its Fronts' own lists. */
    readonly slot: number,
    readonly items: Ticket[] = [],
    readonly expected: { serviceId: string; bookedFor: string }[] = [],
    /**
     * Each item's line position in ms, or NaN if its text is not in toISOString's short form
     * (see shortIsoMs), read once per ticket (issue 12's second round).
     */
    readonly itemMs: number[] = [],
  ) {}

  /**
   * Typical minutes of a client of the run's service as the dry run's rules answer them, asked
   * once per run rather than at each call (every copy of a dry run has the same rules).
   */
  minutes: number | undefined = undefined;

  /** Adds a ticket behind every item (in every copy). */
  push(t: Ticket): void {
    this.items.push(t);
    this.itemMs.push(shortIsoMs(t.lineAt));
  }

  sort(): void {
    const { items, itemMs } = this;
    itemMs.length = 0;
    for (const t of items) itemMs.push(shortIsoMs(t.lineAt));
    // The lists usually come in order, so a check spares most sorts; line positions earlier in
    // ms are earlier as texts (see shortIsoMs), and only others are compared as texts.
    let inOrder = true;
    for (let i = 1; i < items.length && inOrder; i += 1)
      inOrder = itemMs[i - 1]! < itemMs[i]! || byLine(items[i - 1]!, items[i]!) <= 0;
    if (!inOrder) {
      items.sort(byLine);
      for (let i = 0; i < items.length; i += 1) itemMs[i] = shortIsoMs(items[i]!.lineAt);
    }
    if (!sorted(this.expected, byTime)) this.expected.sort(byTime);
  }
}

function byTime(a: { bookedFor: string }, b: { bookedFor: string }): number {
  return textOrder(a.bookedFor, b.bookedFor);
}

function sorted<T>(list: readonly T[], order: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i += 1) if (order(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

type Skills = Readonly<Record<string, number>>;

/** The runs of a Fronts and its copies: shared until one of them makes a run. */
interface Layout {
  runs: Map<string, Run[]>;
  /** The runs each counter's offer reads, in the order of its services (see runsOf). */
  bySkills: Map<Skills, Run[]>;
  /** Runs made so far (the next run's slot). */
  count: number;
}

/** The branch's waiting tickets in runs per service; tickets sent to one counter kept aside. */
export class Fronts {
  private layout: Layout;
  /** No copy shares the layout: a run made now need not take a layout of its own. */
  private ownLayout: boolean;
  // This copy's own part, two entries per run (at 2 × its slot): three lists to copy, not six.
  /** Where the copy is in the run's items, then in its expected bookings. */
  private places: number[] = [];
  /**
   * The booked visit at the run's front as a ticket, once made; then a ticket behind every item,
   * a copy's own (the estimated ticket of a resumed dry run).
   */
  private refs: (Ticket | undefined)[] = [];
  /** The line positions in ms of those two (see shortIsoMs). */
  private refMs: number[] = [];
  private targeted: Ticket[] = [];

  constructor(
    tickets: readonly Ticket[] = [],
    expected: readonly { serviceId: string; bookedFor: string }[] = [],
    serviceIds: Iterable<string> = [],
    /** A copy's: the layout it shares (see {@link copy}). */
    shared?: Layout,
  ) {
    this.layout = shared ?? { runs: new Map(), bySkills: new Map(), count: 0 };
    this.ownLayout = shared === undefined;
    // A copy's runs are filled and sorted already (sorting again read every line position).
    if (shared) return;
    for (const id of serviceIds) this.run(id, 0);
    for (const t of tickets) {
      if (t.state !== 'waiting') continue;
      if (t.targetCounterId !== null) this.targeted.push(t);
      else this.run(t.serviceId, runIndex(t)).items.push(t);
    }
    for (const b of expected) this.run(b.serviceId, 2).expected.push(b);
    for (const runs of this.layout.runs.values()) for (const r of runs) r.sort();
  }

  /** A copy whose places move on their own (the runs are shared). */
  copy(): Fronts {
    const f = new Fronts([], [], [], this.layout);
    this.ownLayout = false;
    f.places = this.places.slice();
    f.refs = this.refs.slice();
    f.refMs = this.refMs.slice();
    f.targeted = this.targeted.slice();
    return f;
  }

  /** The run of one service and index (see {@link runIndex}) if the service has runs. */
  existing(serviceId: string, index: number): Run | undefined {
    return this.layout.runs.get(serviceId)?.[index];
  }

  /**
   * The run of one service and index (see {@link runIndex}), made empty if new. Runs made
   * before a copy are shared by it; one made later is this copy's own.
   */
  run(serviceId: string, index: number): Run {
    let runs = this.layout.runs.get(serviceId);
    if (!runs) {
      if (!this.ownLayout) {
        const { runs: all, count } = this.layout;
        this.layout = { runs: new Map(all), bySkills: new Map(), count };
        this.ownLayout = true;
      }
      const layout = this.layout;
      runs = [0, 1, 2, 3].map(() => {
        this.places.push(0, 0);
        this.refs.push(undefined, undefined);
        this.refMs.push(0, 0);
        return new Run(layout.count++);
      });
      layout.runs.set(serviceId, runs);
      layout.bySkills.clear();
    }
    return runs[index]!;
  }

  private peek(run: Run): Ticket | undefined {
    const head = this.places[2 * run.slot]!;
    return head < run.items.length ? run.items[head] : this.refs[2 * run.slot + 1];
  }

  /** No ticket left in the run (booked visits not checked in aside). */
  empty(run: Run): boolean {
    return this.peek(run) === undefined;
  }

  /** Puts a ticket behind everything in the run, in this copy only. */
  setTail(run: Run, t: Ticket): void {
    this.refs[2 * run.slot + 1] = t;
    this.refMs[2 * run.slot + 1] = shortIsoMs(t.lineAt);
  }

  /**
   * The run's first ticket; a booked visit not checked in only once due. The step's text is
   * read only when a booked visit is known (`clock`: the step's view).
   */
  private front(run: Run, clock: { readonly nowIso: string }): Ticket | undefined {
    const a = this.peek(run);
    const s = 2 * run.slot;
    const e = run.expected[this.places[s + 1]!];
    if (!e || (a && a.lineAt <= e.bookedFor) || e.bookedFor > clock.nowIso) return a;
    let v = this.refs[s];
    if (!v) {
      v = virtualTicket(
        `\u0000booking:${e.serviceId}:${this.places[s + 1]}`,
        e.serviceId,
        e.bookedFor,
        true,
      );
      this.refs[s] = v;
      this.refMs[s] = shortIsoMs(e.bookedFor);
    }
    return v;
  }

  /** The line position in ms of `t`, the run's {@link front} (NaN: not in the short form). */
  private frontMs(run: Run, t: Ticket): number {
    const s = 2 * run.slot;
    if (t === this.refs[s]) return this.refMs[s]!;
    const head = this.places[s]!;
    return head < run.items.length ? run.itemMs[head]! : this.refMs[s + 1]!;
  }

  /**
   * Fills the view's `waiting` with the targeted tickets and the front of each run a counter
   * with these skills may serve, and its `offeredMs` with their line positions in ms. Answers
   * whether every one of those is in toISOString's short form (none is NaN).
   */
  offer(skills: Skills, view: StepView): boolean {
    const out = view.waiting;
    const outMs = view.offeredMs;
    let n = 0;
    let short = true;
    for (const t of this.targeted) {
      const ms = shortIsoMs(t.lineAt);
      out[n] = t;
      outMs[n] = ms;
      n += 1;
      if (Number.isNaN(ms)) short = false;
    }
    for (const run of this.runsOf(skills)) {
      const t = this.front(run, view);
      if (t === undefined) continue;
      const ms = this.frontMs(run, t);
      out[n] = t;
      outMs[n] = ms;
      n += 1;
      if (Number.isNaN(ms)) short = false;
    }
    // Written in place and cut by pop, the fastest way to shorten them (setting `length` is a
    // call into the runtime each time; new lists at each step cost more than both).
    while (out.length > n) {
      out.pop();
      outMs.pop();
    }
    return short;
  }

  /** The runs of these skills' services in their order, kept per skills object. */
  private runsOf(skills: Skills): Run[] {
    const { bySkills, runs } = this.layout;
    let list = bySkills.get(skills);
    if (!list) {
      list = [];
      for (const serviceId of servicesOf(skills)) list.push(...(runs.get(serviceId) ?? []));
      bySkills.set(skills, list);
    }
    return list;
  }

  /** When something next joins these skills' runs after `now` (ms), or Infinity. */
  wake(skills: Skills, now: string): number {
    let min = Infinity;
    for (const run of this.runsOf(skills)) {
      const a = this.peek(run);
      const e = run.expected[this.places[2 * run.slot + 1]!];
      if (a && a.lineAt > now) min = Math.min(min, Date.parse(a.lineAt));
      if (e && e.bookedFor > now) min = Math.min(min, Date.parse(e.bookedFor));
    }
    return min;
  }

  /** Takes a called ticket out of its run; answers the run it left (none if targeted). */
  take(t: Ticket): Run | undefined {
    if (t.targetCounterId !== null) {
      this.targeted.splice(this.targeted.indexOf(t), 1);
      return undefined;
    }
    const run = this.layout.runs.get(t.serviceId)![runIndex(t)]!;
    const s = 2 * run.slot;
    if (t === this.refs[s]) {
      this.places[s + 1]! += 1;
      this.refs[s] = undefined;
    } else if (this.places[s]! < run.items.length) this.places[s]! += 1;
    else this.refs[s + 1] = undefined;
    return run;
  }
}
