import { defaultQueueSettings, type Counter, type QueueSettings, type Ticket } from '@skr/protocol';
import {
  callTicket,
  estimateWait,
  finishService,
  issueTicket,
  lookAheadOf,
  markNoShow,
  startService,
  typicalCallMinutes,
  type CallingPolicy,
} from '../domain';
import { simCalendar } from './estimate-calendar';
import { EventQueue } from './event-queue';
import type { SimClient, SimDay } from './scenario';

/** What happened to one client in a simulated day (minutes after opening). */
export interface SimRecord {
  client: SimClient;
  ticket: Ticket;
  issuedAt: number;
  /** When the client's place in line came up: arrival, or the booked time. */
  lineAt: number;
  calledAt: number;
  /** Minutes printed on the ticket. */
  estimated: number;
  /** Minutes the client really waited for the call, from `max(arrival, lineAt)`. */
  waited: number;
}

type SimEvent =
  | { kind: 'arrive'; client: SimClient }
  | { kind: 'due' }
  | { kind: 'start' | 'finish' | 'no-show'; counterId: number };

/**
 * Runs one day through the real domain functions (issueTicket, the calling policy,
 * callTicket, startService, finishService, markNoShow, estimateWait) with a simulated clock:
 * counters call the next ticket whenever they are free, as the desk does. Pure and
 * deterministic: the same day and policy give the same records.
 */
export function simulateDay(
  day: SimDay,
  policy: CallingPolicy,
  settings: QueueSettings = defaultQueueSettings,
): SimRecord[] {
  const at = (m: number) => new Date(day.opening.getTime() + m * 60_000);
  const minuteOf = (iso: string) => (Date.parse(iso) - day.opening.getTime()) / 60_000;
  const services = new Map(day.services.map((s) => [s.id, s]));
  const counters = new Map<number, Counter>(day.counters.map((c) => [c.id, c]));
  const counterList = [...counters.values()];
  const queue = new EventQueue<SimEvent>();
  let waiting: Ticket[] = [];
  const inHand = new Map<number, { ticket: Ticket; client: SimClient }>();
  const idle: number[] = counterList.map((c) => c.id);
  const durations = new Map<string, number[]>();
  const sequences = new Map<string, number>();
  const records = new Map<string, SimRecord>();
  const clients = new Map<string, SimClient>();
  let regularSincePriority = 0;

  for (const c of day.clients) {
    if (c.arrival !== undefined && c.arrival < day.openMinutes)
      queue.push(c.arrival, { kind: 'arrive', client: c });
  }

  const walks: number[] = [];
  const calendar = simCalendar(day);
  const estimate = (id: string, priority: boolean, now: Date, clock: number, booked = false) =>
    estimateWait({
      serviceId: id,
      priority,
      now,
      waiting,
      counters: counterList,
      recentServiceMinutes: durations.get(id) ?? [],
      booked,
      branch: {
        at: at(clock),
        waiting,
        inHand: [...inHand.values()].map((h) => h.ticket),
        durations,
        callMinutes: typicalCallMinutes(walks),
        services,
        counters,
        settings,
        regularSincePriority,
        policy,
        expectedBookings: calendar.expectedAt(clock),
      },
    }).estimatedWaitMinutes;

  function arrive(c: SimClient, now: number): void {
    const svc = services.get(c.serviceId)!;
    const sequence = (sequences.get(svc.prefix) ?? 0) + 1;
    sequences.set(svc.prefix, sequence);
    const bookedFor = c.bookedAt === null ? null : at(c.bookedAt).toISOString();
    const ticket = issueTicket(
      {
        id: c.id,
        service: svc,
        sequence,
        now: at(now),
        lang: 'pl',
        priority: c.priority,
        booking: bookedFor ? { code: c.id, bookedFor } : null,
      },
      settings,
    );
    // As the branch does: a walk-in is estimated now, a booking at its place in line.
    const lineAt = minuteOf(ticket.lineAt);
    const estimated = bookedFor
      ? estimate(svc.id, false, at(lineAt), now, true)
      : estimate(svc.id, c.priority !== null, at(now), now);
    waiting.push(ticket);
    calendar.checkedIn(c.id);
    clients.set(ticket.id, c);
    records.set(ticket.id, {
      client: c,
      ticket,
      issuedAt: now,
      lineAt,
      calledAt: NaN,
      estimated,
      waited: NaN,
    });
    if (lineAt > now) queue.push(lineAt, { kind: 'due' });
  }

  function dispatch(now: number): void {
    for (let i = 0; i < idle.length;) {
      const counter = counters.get(idle[i]!)!;
      const next = policy({
        now: at(now),
        counter,
        waiting,
        services,
        counters,
        settings,
        regularSincePriority,
        // Built only when the policy reads it: most calls find no booked visit near.
        get lookAhead() {
          return lookAheadOf(
            [...inHand.values()].map((h) => h.ticket),
            durations,
            services.keys(),
            at(now),
          );
        },
      });
      if (!next) {
        i += 1;
        continue;
      }
      idle.splice(i, 1);
      waiting = waiting.filter((t) => t.id !== next.id);
      const called = callTicket(next, counter, at(now));
      regularSincePriority = called.priority === null ? regularSincePriority + 1 : 0;
      const client = clients.get(called.id)!;
      const rec = records.get(called.id)!;
      rec.calledAt = now;
      rec.waited = Math.max(0, now - Math.max(rec.issuedAt, rec.lineAt));
      inHand.set(counter.id, { ticket: called, client });
      // A client who left is recalled twice, then marked no-show by the clerk.
      if (client.noShow) queue.push(now + 2, { kind: 'no-show', counterId: counter.id });
      else queue.push(now + client.walk, { kind: 'start', counterId: counter.id });
    }
  }

  for (let ev = queue.pop(); ev; ev = queue.pop()) {
    const { at: now, e } = ev;
    if (e.kind === 'arrive') arrive(e.client, now);
    else if (e.kind === 'start') {
      const h = inHand.get(e.counterId)!;
      h.ticket = startService(h.ticket, at(now), e.counterId);
      walks.push(minuteOf(h.ticket.startedAt!) - minuteOf(h.ticket.calledAt!));
      if (walks.length > 50) walks.shift();
      queue.push(now + h.client.service, { kind: 'finish', counterId: e.counterId });
      continue;
    } else if (e.kind === 'finish' || e.kind === 'no-show') {
      const h = inHand.get(e.counterId)!;
      if (e.kind === 'finish') {
        const done = finishService(h.ticket, at(now), e.counterId);
        const list = durations.get(done.serviceId) ?? [];
        list.push(minuteOf(done.finishedAt!) - minuteOf(done.startedAt!));
        if (list.length > 50) list.shift();
        durations.set(done.serviceId, list);
      } else markNoShow(h.ticket, at(now), e.counterId);
      inHand.delete(e.counterId);
      idle.push(e.counterId);
    }
    dispatch(now);
  }
  if (waiting.length > 0) throw new Error(`${waiting.length} tickets never called`);
  return [...records.values()];
}
