import type { BranchEvent, ClientToServerEvents, ServerToClientEvents } from '@skr/protocol';
import { io, type Socket } from 'socket.io-client';

/**
 * A waiting-room screen or a clerk's desk as the real apps connect: socket.io with automatic
 * reconnection (the apps' own delays) and `lastSeq` in the handshake, so after a restart it
 * resumes from the event log. It records every anomaly a person would notice: a gap or a
 * repeat in the sequence, or a snapshot where a resume was due.
 */
export class SoakScreen {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  lastSeq: number | undefined;
  /** performance.now() of the latest snapshot or resume. */
  backAt = 0;
  readonly anomalies: string[] = [];
  readonly calledAt = new Map<string, number>();
  private snapshots = 0;

  constructor(
    url: string,
    ns: '/display' | '/counter',
    token: string,
    reconnect: [number, number, number],
  ) {
    this.socket = io(url + ns, {
      auth: (cb) => cb(this.lastSeq === undefined ? { token } : { token, lastSeq: this.lastSeq }),
      transports: ['websocket'],
      reconnectionDelay: reconnect[0],
      reconnectionDelayMax: reconnect[1],
      randomizationFactor: reconnect[2],
      forceNew: true,
    });
    this.socket.on('snapshot', (s) => {
      this.snapshots += 1;
      if (this.snapshots > 1)
        this.anomalies.push(`snapshot instead of a resume at seq ${this.lastSeq}`);
      this.lastSeq = s.seq;
      this.backAt = performance.now();
    });
    this.socket.on('resumed', (r) => {
      if (r.toSeq !== this.lastSeq)
        this.anomalies.push(`resumed to ${r.toSeq} but holds ${this.lastSeq}`);
      this.backAt = performance.now();
    });
    // Screens get issued tickets thinned live (branch-server/src/http/coalesce-issued.ts), so
    // on /display a jump forward is expected; a repeat or a step back is not, anywhere.
    const gapsAllowed = ns === '/display';
    this.socket.on('event', (e: BranchEvent) => {
      if (
        this.lastSeq !== undefined &&
        (gapsAllowed ? e.seq <= this.lastSeq : e.seq !== this.lastSeq + 1)
      )
        this.anomalies.push(`seq ${e.seq} after ${this.lastSeq}`);
      this.lastSeq = e.seq;
      if (e.type === 'ticket.called' && e.ticket) this.calledAt.set(e.ticket.id, performance.now());
    });
  }

  /** Resolves once connected with a snapshot or a resume after `since`. */
  async back(since: number, timeoutMs: number): Promise<number> {
    const end = performance.now() + timeoutMs;
    while (this.backAt < since) {
      if (performance.now() > end) throw new Error('screen did not come back');
      await new Promise((r) => setTimeout(r, 5));
    }
    return this.backAt - since;
  }

  close(): void {
    this.socket.close();
  }
}
