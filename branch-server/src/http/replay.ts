import type { BranchEvent } from '@skr/protocol';

/** What a replay writes to: one socket, seen through what back-pressure needs. */
export interface ReplayTarget {
  /** False once the client has gone: the replay stops. */
  connected(): boolean;
  send(e: BranchEvent): void;
  /** Packets written but not yet handed to the network. */
  buffered(): number;
  /** Resolves when the buffer has drained (or the client has gone). */
  drained(): Promise<void>;
}

/**
 * Sends the events after `from` in batches of `batch`, yielding to the event loop between
 * batches and waiting while the client's buffer is not drained, so one slow or far-behind
 * screen neither stalls other requests nor makes the server hold 20,000 events in memory.
 * When a read finds nothing more, `caughtUp` runs in the same tick (the caller joins the live
 * stream there, so no event falls between replay and live). Answers the last sequence sent,
 * or undefined if the client left.
 */
export async function replayEvents(opts: {
  from: number;
  batch: number;
  eventsSince: (seq: number, limit: number) => BranchEvent[];
  target: ReplayTarget;
  caughtUp: (toSeq: number) => void;
}): Promise<number | undefined> {
  let from = opts.from;
  for (;;) {
    if (!opts.target.connected()) return undefined;
    const events = opts.eventsSince(from, opts.batch);
    if (events.length === 0) {
      opts.caughtUp(from);
      return from;
    }
    for (const e of events) opts.target.send(e);
    from = events[events.length - 1]!.seq;
    if (opts.target.buffered() > 0) await opts.target.drained();
    await new Promise((r) => setImmediate(r));
  }
}
