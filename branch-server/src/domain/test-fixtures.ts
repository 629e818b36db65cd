import {
  defaultQueueSettings,
  type Counter,
  type QueueSettings,
  type Service,
  type Ticket,
} from '@skr/protocol';
import type { OpeningHours } from '@skr/protocol/manager';
import type { QueueState } from './queue-state';
import { issueTicket } from './ticket-lifecycle';

/** A service for tests. */
export function service(id: string, prefix: string, targetWaitMinutes = 15): Service {
  return {
    id,
    prefix,
    names: { pl: id, en: id, uk: id },
    group: 'test',
    order: 0,
    targetWaitMinutes,
    active: true,
  };
}

/** An open counter for tests. */
export function counter(id: number, skills: Record<string, number>): Counter {
  return {
    id,
    number: id,
    label: null,
    name: `Stanowisko ${id}`,
    skills,
    state: 'open',
    pauseReason: null,
    clerk: null,
  };
}

let n = 0;
/** A waiting ticket issued at `at`. */
export function ticket(s: Service, at: Date, extra: Partial<Ticket> = {}): Ticket {
  n += 1;
  return {
    ...issueTicket(
      { id: `t${n}`, service: s, sequence: n, now: at, lang: 'pl' },
      defaultQueueSettings,
    ),
    ...extra,
  };
}

/** A read-only queue state for decision tests. */
export function queueState(
  parts: {
    services?: Service[];
    counters?: Counter[];
    tickets?: Ticket[];
    settings?: Partial<QueueSettings>;
    hours?: Record<string, OpeningHours>;
    regularSincePriority?: number;
  } = {},
): QueueState {
  const active = new Map((parts.tickets ?? []).map((t) => [t.id, t]));
  const waiting = () =>
    [...active.values()]
      .filter((t) => t.state === 'waiting')
      .sort((a, b) => a.lineAt.localeCompare(b.lineAt));
  return {
    services: new Map((parts.services ?? []).map((s) => [s.id, s])),
    hours: new Map(Object.entries(parts.hours ?? {})),
    counters: new Map((parts.counters ?? []).map((c) => [c.id, c])),
    settings: { ...defaultQueueSettings, ...parts.settings },
    active,
    recentCalls: [],
    durations: new Map(),
    regularSincePriority: parts.regularSincePriority ?? 0,
    waiting,
    waitingIn: (id) => waiting().filter((t) => t.serviceId === id),
    inHand: (id) =>
      [...active.values()].find(
        (t) => t.counterId === id && (t.state === 'called' || t.state === 'serving'),
      ),
  };
}
