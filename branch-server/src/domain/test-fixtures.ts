import { defaultQueueSettings, type Counter, type Service, type Ticket } from '@skr/protocol';
import { issueTicket } from './ticket-lifecycle';

/** A matter for tests. */
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
  return { id, name: `Stanowisko ${id}`, skills, state: 'open', pauseReason: null, clerk: null };
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
