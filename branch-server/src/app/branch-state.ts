import type { Counter, QueueSettings, Service, Ticket } from '@skr/protocol';
import type { OpeningHours } from '@skr/protocol/manager';
import { localDay } from '@skr/protocol/time-zone';
import { scanWalkInLineEnd, walkInLineMs, type QueueState } from '../domain';
import type { CatalogRepo, TicketRepo } from '../store';
import { DAY_ENDED_KEY, isWalkInKey, WALK_IN_PREFIX } from './walk-in-settings';

const FINAL = new Set<Ticket['state']>(['done', 'no-show', 'cancelled', 'expired']);
const RECENT_CALLS = 10;

/**
 * The branch's working memory, rebuilt from SQLite at start: active tickets, services,
 * counters, settings, the day's service times and the priority-mixing counter. It is only
 * changed after the transaction that records a change has committed.
 */
export class BranchState implements QueueState {
  services = new Map<string, Service>();
  /** Walk-in hours per service (absent = always open). */
  hours = new Map<string, OpeningHours>();
  counters = new Map<number, Counter>();
  settings!: QueueSettings;
  /**
   * The walk-in cut-off's settings rows (walk-in-settings.ts), key → value: the gate reads them
   * at every issued ticket, where they were three SQLite reads (~16 µs; issue 11).
   */
  walkInSettings = new Map<string, string>();
  active = new Map<string, Ticket>();
  /** Waiting tickets per service, so a line's estimate does not scan the whole branch. */
  private lines = new Map<string, Map<string, Ticket>>();
  durations = new Map<string, number[]>();
  recentCalls: Ticket[] = [];
  regularSincePriority = 0;
  day = '';
  /**
   * Bumped by every change made through this class (a load, a new day, a ticket change); kept
   * results (the wait estimate's dry run) are of one version. Counters changed in place in
   * `counters` are not counted: compare them by identity.
   */
  version = 0;
  /** The latest line position of the waiting walk-ins; undefined = to be scanned again. */
  private lineEnd: number | undefined;

  constructor(
    private readonly catalog: CatalogRepo,
    private readonly tickets: TicketRepo,
  ) {}

  /** Loads everything from the database (start-up, or after configuration changes). */
  load(now: Date): void {
    this.version += 1;
    this.settings = this.catalog.settings();
    this.walkInSettings = new Map(this.catalog.settingRows(WALK_IN_PREFIX, DAY_ENDED_KEY));
    this.services = new Map(this.catalog.services().map((s) => [s.id, s]));
    this.hours = new Map();
    for (const id of this.services.keys()) {
      const h = this.catalog.openingHours(id);
      if (h) this.hours.set(id, h);
    }
    this.counters = new Map(this.catalog.counters().map((c) => [c.id, c]));
    this.active = new Map(this.tickets.active().map((t) => [t.id, t]));
    this.lines = new Map();
    this.lineEnd = undefined;
    for (const t of this.active.values())
      if (t.state === 'waiting') this.line(t.serviceId).set(t.id, t);
    this.day = localDay(now, this.settings.timeZone);
    this.durations = this.tickets.serviceDurations(this.day);
    this.recentCalls = this.tickets.recentCalls(this.day, RECENT_CALLS);
    const firstPriority = this.recentCalls.findIndex((t) => t.priority !== null);
    this.regularSincePriority = firstPriority === -1 ? this.recentCalls.length : firstPriority;
  }

  /** Records a committed settings row (`value` null: removed); only walk-in rows are kept. */
  applySetting(key: string, value: string | null): void {
    if (!isWalkInKey(key)) return;
    if (value === null) this.walkInSettings.delete(key);
    else this.walkInSettings.set(key, value);
  }

  /** Starts a new day's statistics when the local date changes. */
  rollDay(now: Date): string {
    const day = localDay(now, this.settings.timeZone);
    if (day !== this.day) {
      this.version += 1;
      this.day = day;
      this.durations = new Map();
      this.recentCalls = [];
    }
    return day;
  }

  /** Records a committed ticket change. */
  applyTicket(t: Ticket, called = false): void {
    this.version += 1;
    const prev = this.active.get(t.id);
    if (prev) this.lines.get(prev.serviceId)?.delete(t.id);
    this.keepLineEnd(prev, t);
    if (t.state === 'waiting') this.line(t.serviceId).set(t.id, t);
    if (FINAL.has(t.state)) this.active.delete(t.id);
    else this.active.set(t.id, t);
    if (t.state === 'done' && t.startedAt && t.finishedAt) {
      const minutes = (Date.parse(t.finishedAt) - Date.parse(t.startedAt)) / 60_000;
      const list = this.durations.get(t.serviceId) ?? [];
      list.push(minutes);
      if (list.length > 50) list.shift();
      this.durations.set(t.serviceId, list);
    }
    if (called) {
      this.regularSincePriority = t.priority === null ? this.regularSincePriority + 1 : 0;
      this.recentCalls = [t, ...this.recentCalls.filter((x) => x.id !== t.id)].slice(
        0,
        RECENT_CALLS,
      );
    } else {
      this.recentCalls = this.recentCalls.map((x) => (x.id === t.id ? t : x));
    }
  }

  /** The latest line position (ms) of the waiting walk-ins, -Infinity if none. */
  walkInLineEnd(): number {
    return (this.lineEnd ??= scanWalkInLineEnd(this.active.values()));
  }

  /**
   * Keeps the line's end up to date as `prev` becomes `next`: a joining walk-in can only push
   * it later; the one at the end leaving (called, moved) makes it scan again. Tickets leave
   * mostly from the front, so the scan is rare.
   */
  private keepLineEnd(prev: Ticket | undefined, next: Ticket): void {
    if (this.lineEnd === undefined) return;
    const was = prev && walkInLineMs(prev);
    // The same object changed in place cannot be compared with its old self: scan again.
    if (was !== undefined && (prev === next || was >= this.lineEnd)) {
      this.lineEnd = undefined;
      return;
    }
    const now = walkInLineMs(next);
    if (now !== undefined && now > this.lineEnd) this.lineEnd = now;
  }

  /** Waiting tickets, in line order. */
  waiting(): Ticket[] {
    return [...this.active.values()].filter((t) => t.state === 'waiting');
  }

  /** Waiting tickets of one service. */
  waitingIn(serviceId: string): Ticket[] {
    return [...(this.lines.get(serviceId)?.values() ?? [])];
  }

  private line(serviceId: string): Map<string, Ticket> {
    let l = this.lines.get(serviceId);
    if (!l) this.lines.set(serviceId, (l = new Map()));
    return l;
  }

  /** The ticket a counter has in hand (called or being served). */
  inHand(counterId: number): Ticket | undefined {
    for (const t of this.active.values()) {
      if (t.counterId === counterId && (t.state === 'called' || t.state === 'serving')) return t;
    }
    return undefined;
  }
}
