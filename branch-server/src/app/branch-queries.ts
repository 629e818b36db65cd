import type { Counter, DisplayConfig, QueueSettings, Service, Ticket } from '@skr/protocol';
import type { StatsPeriod } from '@skr/protocol/manager';
import type { QueueState } from '../domain';
import { counterStateSince } from '../stats/counter-state-since';
import { statsReport } from '../stats/stats-report';
import type { EventLog } from '../store';
import { lineSummaries, publicTicketStatus, queueSnapshot } from './queue-view';
import type { UseCaseContext } from './use-cases';
import { findTicket } from './use-cases';

/** The branch's read side: answers from memory or read-only queries; changes nothing. */
export function branchQueries(ctx: UseCaseContext, log: EventLog) {
  const { state, now } = ctx;
  return {
    now,
    /** A ticket by id (active or from the store); NOT_FOUND otherwise. */
    ticket: (id: string): Ticket => findTicket(ctx, id),
    /** Active services. */
    services: (): Service[] => [...state.services.values()].filter((s) => s.active),
    counters: (): Counter[] => [...state.counters.values()],
    /** The queue settings in force. */
    settings: (): QueueSettings => state.settings,
    /** A read-only view of the working memory (what the decisions see). */
    view: (): QueueState => state,
    snapshot: () => queueSnapshot(state, log.lastSeq(), now(), ctx.bookings),
    lines: () => lineSummaries(state, now(), ctx.bookings),
    publicStatus: (id: string) => publicTicketStatus(state, findTicket(ctx, id), now()),
    eventsSince: (seq: number, limit?: number) => log.since(seq, limit),
    lastSeq: () => log.lastSeq(),
    deviceHealth: () => ctx.health.all(),
    /** A screen's settings by its token subject (`device:<id>`), if the manager set any. */
    displayConfig: (subject: string): DisplayConfig | undefined =>
      ctx.catalog.displayConfig(subject),
    /** Time of each counter's last state change (open, break, close). */
    counterStateSince: () => counterStateSince(ctx.db),
    /** The statistics of the day, week or month around `date` (YYYY-MM-DD). */
    statsReport: (q: { period: StatsPeriod; date: string }) =>
      statsReport(ctx.db, {
        ...q,
        now: now(),
        settings: state.settings,
        services: [...state.services.values()],
        counters: [...state.counters.values()],
      }),
    /** Calls `listener` with every committed event; answers the unsubscribe function. */
    subscribe: ctx.uow.subscribe.bind(ctx.uow),
  };
}
