import { EventEmitter } from 'node:events';
import {
  type BranchEvent,
  type Counter,
  type DeviceStatusReport,
  type IssueTicketRequest,
  type IssuedTicket,
  type Ticket,
} from '@skr/protocol';
import {
  callTicket,
  conflict,
  defaultPolicy,
  estimateWait,
  finishService,
  isOpen,
  issueTicket,
  notFound,
  type CallingPolicy,
} from '../domain';
import { bookingRepo, catalogRepo, eventLog, ticketRepo, type Db, type NewEvent } from '../store';
import { peselHasher } from '../sync/pesel-hash';
import { BranchState } from './branch-state';
import { cardBookingCode } from './card-check-in';
import { DeviceHealth } from './device-health';
import { GroupCommit } from './group-commit';
import { uuidv7 } from './ids';
import { queueSnapshot, lineSummaries, publicTicketStatus } from './queue-view';
import { ticketActions } from './ticket-actions';

/** How the branch is built: its database, clock and calling policy. */
export interface BranchOptions {
  db: Db;
  now?: () => Date;
  policy?: CallingPolicy;
  /** Base of the public follow-the-line links printed on tickets. */
  publicBaseUrl?: string;
  /**
   * Runs inside every change's transaction, after its events are logged: writes that must
   * commit or roll back with the change (the portal outbox). Throwing rolls the change back.
   */
  onCommit?: (events: BranchEvent[], db: Db) => void;
}

/**
 * The branch's use cases. Each change is one SQLite transaction (ticket rows + event log);
 * memory is updated and the event published only after it has committed. Calls run one at a
 * time on the event loop, so two counters can never take the same ticket.
 */
export function createBranch(opts: BranchOptions) {
  const { db } = opts;
  const now = opts.now ?? (() => new Date());
  const policy = opts.policy ?? defaultPolicy;
  const tickets = ticketRepo(db);
  const log = eventLog(db);
  const catalog = catalogRepo(db);
  const bookings = bookingRepo(db);
  const hashPesel = peselHasher(db);
  const state = new BranchState(catalog, tickets);
  const events = new EventEmitter<{ event: [BranchEvent] }>();
  events.setMaxListeners(0);
  state.load(now());
  const health = new DeviceHealth(log);

  /** Appends a change's events (inside the caller's transaction) and lets the sync see them. */
  function record(change: () => NewEvent[]): BranchEvent[] {
    const logged = change().map((e) => log.append(e));
    opts.onCommit?.(logged, db);
    return logged;
  }
  /** Updates memory after a change has been written. */
  function apply(written: BranchEvent[], calledId?: string): void {
    for (const e of written) {
      if (e.ticket)
        state.applyTicket(e.ticket, e.ticket.id === calledId && e.type === 'ticket.called');
      if (e.counter) state.counters.set(e.counter.id, e.counter);
      if (e.device) health.apply(e.device);
    }
  }
  function publish(written: BranchEvent[]): void {
    for (const e of written) events.emit('event', e);
  }

  /** Runs `change` in one transaction, then updates memory and publishes. */
  function commit(change: () => NewEvent[], calledId?: string): BranchEvent[] {
    const written = db.transaction(() => record(change))();
    apply(written, calledId);
    publish(written);
    return written;
  }
  // Kiosk tickets arriving together share one fsync; memory is rebuilt if that commit fails.
  const group = new GroupCommit(db, () => state.load(now()));

  function service(id: string) {
    const s = state.services.get(id);
    if (!s || !s.active) throw notFound(`no matter ${id}`, { serviceId: id });
    return s;
  }
  function counter(id: number): Counter {
    const c = state.counters.get(id);
    if (!c) throw notFound(`no counter ${id}`, { counterId: id });
    return c;
  }
  function ticket(id: string): Ticket {
    const t = state.active.get(id) ?? tickets.get(id);
    if (!t) throw notFound(`no ticket ${id}`, { ticketId: id });
    return t;
  }
  /** Line position in front of everyone now waiting in `inLine`. */
  function frontOf(inLine: (t: Ticket) => boolean): string {
    const first = Math.min(
      now().getTime(),
      ...state
        .waiting()
        .filter(inLine)
        .map((t) => Date.parse(t.lineAt)),
    );
    return new Date(first - 1000).toISOString();
  }
  function followUrl(id: string): string {
    return `${opts.publicBaseUrl ?? ''}/q/${id}`;
  }
  function issued(t: Ticket, peopleAhead: number, estimatedWaitMinutes: number): IssuedTicket {
    return {
      id: t.id,
      number: t.number,
      serviceId: t.serviceId,
      issuedAt: t.issuedAt,
      peopleAhead,
      estimatedWaitMinutes,
      bookedFor: t.bookedFor,
      followUrl: followUrl(t.id),
    };
  }
  function estimateFor(serviceId: string, priority: boolean, at: Date) {
    return estimateWait({
      serviceId,
      priority,
      now: at,
      waiting: state.waitingIn(serviceId),
      counters: [...state.counters.values()],
      recentServiceMinutes: state.durations.get(serviceId) ?? [],
    });
  }

  /**
   * Issues a walk-in ticket, or checks in a booked visit. Resolves once the ticket is on disk
   * (group commit: tickets issued at the same moment share one fsync).
   */
  async function issue(
    req: IssueTicketRequest,
    actor: string | null,
  ): Promise<{ ticket: IssuedTicket; created: boolean }> {
    let written: BranchEvent[] = [];
    const result = await group.run(
      () => {
        const r = issueStep(req, actor);
        written = r.written;
        return r.result;
      },
      () => apply(written),
    );
    publish(written);
    return result;
  }

  /** One issue inside the group transaction: reads the booking there, so two check-ins of one code cannot both win. */
  function issueStep(req: IssueTicketRequest, actor: string | null) {
    const at = now();
    const day = state.rollDay(at);
    // By ID card: the holder's booking is found by the keyed PESEL hash, then checked in as by its code.
    const code =
      req.bookingCode ??
      (req.bookingPesel === undefined
        ? undefined
        : cardBookingCode(bookings, hashPesel(req.bookingPesel), at, state.settings, (id) =>
            state.active.has(id),
          ));
    const booking = code ? bookings.get(code) : undefined;
    if (code) {
      if (!booking) throw notFound('no booking with this code', { bookingCode: code });
      if (booking.status === 'cancelled')
        throw conflict('this booking was cancelled', { bookingCode: booking.code });
      if (booking.status === 'checked-in' && booking.ticketId) {
        // A second check-in (reprint, kiosk restart) answers with the same ticket.
        const existing = ticket(booking.ticketId);
        const est = estimateFor(existing.serviceId, existing.priority !== null, at);
        return {
          written: [] as BranchEvent[],
          result: {
            ticket: issued(existing, est.peopleAhead, est.estimatedWaitMinutes),
            created: false,
          },
        };
      }
    }
    const svc = service(req.serviceId ?? booking!.serviceId);
    if (!booking && !isOpen(state.hours.get(svc.id), at, state.settings.timeZone)) {
      const h = state.hours.get(svc.id)!;
      throw conflict(`${svc.names.pl}: tickets are issued ${h.from}–${h.to}`, {
        serviceId: svc.id,
        reason: 'closed',
        from: h.from,
        to: h.to,
        days: h.days,
      });
    }
    const est = estimateFor(svc.id, req.priority !== undefined, at);
    const sequence = tickets.nextSequence(day, svc.prefix);
    const created = issueTicket(
      {
        id: uuidv7(at),
        service: svc,
        sequence,
        now: at,
        lang: req.lang ?? 'pl',
        priority: req.priority ?? null,
        booking: booking ? { code: booking.code, bookedFor: booking.bookedFor } : null,
      },
      state.settings,
    );
    const written = record(() => {
      tickets.insert(created);
      if (booking)
        bookings.save({
          ...booking,
          status: 'checked-in',
          ticketId: created.id,
          updatedAt: at.toISOString(),
        });
      return [{ at: at.toISOString(), type: 'ticket.issued', ticket: created, actor }];
    });
    const ahead = booking ? estimateFor(svc.id, false, new Date(created.lineAt)) : est;
    return {
      written,
      result: {
        ticket: issued(created, ahead.peopleAhead, ahead.estimatedWaitMinutes),
        created: true,
      },
    };
  }

  function setCounter(
    id: number,
    patch: Partial<Counter>,
    type: BranchEvent['type'],
    actor: string | null,
  ): Counter {
    const before = counter(id);
    if (patch.state && patch.state !== 'open' && state.inHand(id)) {
      throw conflict(`counter ${id} still has a ticket in hand; finish it first`, {
        counterId: id,
      });
    }
    const next: Counter = { ...before, ...patch };
    commit(() => {
      catalog.saveCounter(next);
      return [{ at: now().toISOString(), type, counter: next, actor }];
    });
    return next;
  }

  /** Opens a counter for the signed-in clerk. */
  function openCounter(id: number, clerk: string | null, actor: string | null) {
    return setCounter(id, { state: 'open', pauseReason: null, clerk }, 'counter.opened', actor);
  }
  function closeCounter(id: number, actor: string | null) {
    return setCounter(
      id,
      { state: 'closed', pauseReason: null, clerk: null },
      'counter.closed',
      actor,
    );
  }
  function pauseCounter(id: number, reason: string, actor: string | null) {
    return setCounter(id, { state: 'paused', pauseReason: reason }, 'counter.paused', actor);
  }

  /**
   * Calls the next ticket to a counter; a ticket being served there is finished first.
   * Undefined when nobody waits for it.
   */
  function callNext(counterId: number, actor: string | null): Ticket | undefined {
    const c = counter(counterId);
    if (c.state !== 'open') throw conflict(`counter ${counterId} is not open`, { counterId });
    const at = now();
    const current = state.inHand(counterId);
    if (current?.state === 'called') {
      throw conflict(
        `ticket ${current.number} is still called: start it, recall it or mark it no-show`,
        {
          ticket: current.number,
        },
      );
    }
    const next = policy({
      now: at,
      counter: c,
      waiting: state.waiting(),
      services: state.services,
      counters: state.counters,
      settings: state.settings,
      regularSincePriority: state.regularSincePriority,
    });
    if (!next && !current) return undefined;
    let called: Ticket | undefined;
    commit(() => {
      const out: NewEvent[] = [];
      if (current) {
        const done = finishService(current, at);
        tickets.update(done, current.state);
        out.push({ at: at.toISOString(), type: 'ticket.finished', ticket: done, actor });
      }
      if (next) {
        called = callTicket(next, c, at);
        tickets.update(called, 'waiting');
        out.push({ at: at.toISOString(), type: 'ticket.called', ticket: called, actor });
      }
      return out;
    }, next?.id);
    return called;
  }

  const { act } = ticketActions({ state, tickets, now, commit, ticket, service, counter, frontOf });

  return {
    db,
    events,
    state,
    now,
    issue,
    openCounter,
    closeCounter,
    pauseCounter,
    callNext,
    act,
    ticket,
    services: () => [...state.services.values()].filter((s) => s.active),
    counters: () => [...state.counters.values()],
    snapshot: () => queueSnapshot(state, log.lastSeq(), now(), bookings),
    lines: () => lineSummaries(state, now(), bookings),
    publicStatus: (id: string) => publicTicketStatus(state, ticket(id), now()),
    eventsSince: (seq: number, limit?: number) => log.since(seq, limit),
    lastSeq: () => log.lastSeq(),
    /** Records a device's health report; publishes `device.status` when it changed. */
    reportDeviceStatus(
      device: { id: string; name: string; kind: string },
      report: DeviceStatusReport,
      actor: string,
    ) {
      const change = health.change(device, report, now().toISOString(), actor);
      if (change) commit(() => [change]);
      return { changed: change !== undefined };
    },
    deviceHealth: () => health.all(),
    /** Caches a booking made at the central portal (the portal sync also writes here). */
    addBooking(code: string, serviceId: string, bookedFor: string, actor: string | null) {
      service(serviceId);
      const at = now().toISOString();
      const existing = bookings.get(code);
      if (existing && existing.status === 'checked-in')
        throw conflict('this booking is already checked in');
      commit(() => {
        bookings.save({
          code,
          serviceId,
          bookedFor: new Date(bookedFor).toISOString(),
          status: 'booked',
          ticketId: null,
          updatedAt: at,
        });
        return [{ at, type: 'booking.created', actor }];
      });
    },
  };
}
export type Branch = ReturnType<typeof createBranch>;
