import type { BranchEvent } from '@skr/protocol';

/** A queue of committed events on their way to the sockets. */
export interface FanOut {
  /** Queues an event; the sockets get it after the current request has been answered. */
  push(e: BranchEvent): void;
  /** Sends every queued event now, in order (before a socket joins a room or gets a snapshot). */
  flush(): void;
}

/**
 * Defers the socket fan-out of committed events to later turns of the event loop. An event
 * is published once its transaction is durable, inside the request that made it; writing it
 * to 100 screens there (a frame and a syscall each) held the kiosk's answer back by the
 * fan-out. Queued, the answer goes out first and the screens follow, in commit order.
 *
 * With `parts` > 1 the sockets are split into that many groups and each turn writes to one
 * group: a kiosk's next request, arriving while 100 screens are written to, is read and
 * answered after one group's writes instead of all of them (`send(e, part)` writes `e` to
 * group `part`). A round takes the events queued when it starts to every group, one group per
 * turn; events queued meanwhile wait for the next round, so each socket gets them in order.
 */
export function deferredFanOut(send: (e: BranchEvent, part: number) => void, parts = 1): FanOut {
  let queue: BranchEvent[] = [];
  /** The events of the round under way, and the group it writes next. */
  let round: BranchEvent[] = [];
  let part = 0;
  let scheduled = false;
  const schedule = () => {
    if (scheduled || (round.length === 0 && queue.length === 0)) return;
    scheduled = true;
    setImmediate(step);
  };
  const step = () => {
    scheduled = false;
    if (round.length === 0) {
      round = queue;
      queue = [];
      part = 0;
    }
    for (const e of round) send(e, part);
    part += 1;
    if (part >= parts) round = [];
    schedule();
  };
  return {
    push(e) {
      queue.push(e);
      schedule();
    },
    flush() {
      // The round's remaining groups first, then every queued event to every group.
      for (; round.length > 0 && part < parts; part += 1) for (const e of round) send(e, part);
      round = [];
      const events = queue;
      queue = [];
      for (let p = 0; p < parts; p += 1) for (const e of events) send(e, p);
    },
  };
}
