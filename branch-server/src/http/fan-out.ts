import type { BranchEvent } from '@skr/protocol';

/** A queue of committed events on their way to the sockets. */
export interface FanOut {
  /** Queues an event; the sockets get it after the current request has been answered. */
  push(e: BranchEvent): void;
  /** Sends every queued event now, in order (before a socket joins a room or gets a snapshot). */
  flush(): void;
}

/**
 * Defers the socket fan-out of committed events to the next turn of the event loop. An event
 * is published once its transaction is durable, inside the request that made it; writing it
 * to 100 screens there (a frame and a syscall each) held the kiosk's answer back by the
 * fan-out. Queued, the answer goes out first and the screens follow, in commit order.
 */
export function deferredFanOut(send: (e: BranchEvent) => void): FanOut {
  let queue: BranchEvent[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const events = queue;
    queue = [];
    for (const e of events) send(e);
  };
  return {
    push(e) {
      queue.push(e);
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => {
        if (scheduled) flush();
      });
    },
    flush,
  };
}
