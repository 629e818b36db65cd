import type { Counter, Ticket } from '@skr/protocol/domain';
import { QueueSnapshot } from '@skr/protocol/http';
import {
  BranchEvent,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@skr/protocol/socket';
import { io, type Socket } from 'socket.io-client';
import { takeBranchTime } from '../ui/branch-time';
import { applyCounter, applyEvent, applyTicket } from './queue-state';

/** State of the live link to the branch server. */
export type LinkStatus = 'connecting' | 'online' | 'offline' | 'unauthorized';

/** What the connection reports to the page. */
interface QueueListener {
  snapshot(s: QueueSnapshot): void;
  status(s: LinkStatus): void;
}

/** A live view of the queue over socket.io `/counter`. */
export interface QueueConnection {
  /** Asks the server for a fresh snapshot (line counts and waits are not in events). */
  refresh(): void;
  /** Applies an action's answer at once, before its event arrives. */
  applyLocal(change: { ticket?: Ticket | null; counter?: Counter }): void;
  close(): void;
}

/**
 * Events come in bursts (a call finishes one ticket and calls another): one refresh per
 * burst, at most this long after its first event (a throttle, so a busy hall cannot
 * postpone it forever).
 */
const REFRESH_AFTER_MS = 150;
/** Waits grow without events; refresh the longest-wait figures this often. */
const REFRESH_EVERY_MS = 20_000;

/**
 * Connects to `/counter` and keeps a snapshot up to date: the first connect gets a snapshot,
 * every reconnect (also to a restarted server) sends the last applied `seq` and gets what it
 * missed. The last snapshot is kept while offline, so the ticket in hand stays on screen.
 */
export function connectQueue(
  origin: string,
  token: string,
  listener: QueueListener,
): QueueConnection {
  let snap: QueueSnapshot | null = null;
  let closed = false;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(origin + '/counter', {
    // A function, so every reconnect sends the current lastSeq (socket.io reuses `auth`).
    auth: (cb) => cb(snap ? { token, lastSeq: snap.seq } : { token }),
    transports: ['websocket'],
    autoConnect: false,
    reconnectionDelay: 300,
    // Back within 2 s of a server restart: attempts at most ~1.2 s apart.
    reconnectionDelayMax: 1000,
    randomizationFactor: 0.2,
  });
  const publish = (s: QueueSnapshot) => {
    snap = s;
    listener.snapshot(s);
  };
  const take = (raw: unknown) => {
    const s = QueueSnapshot.safeParse(raw);
    // An older snapshot than what we applied would step the screen back.
    if (s.success && (!snap || s.data.seq >= snap.seq)) publish(s.data);
  };
  const refresh = () => {
    if (closed || !socket.connected) return;
    socket
      .timeout(5000)
      .emitWithAck('queue:snapshot')
      .then((ack) => {
        if (ack.ok) take(ack.data);
      })
      .catch(() => {
        // No answer: the disconnect handler reports it; the next reconnect refreshes.
      });
  };
  const refreshSoon = () => {
    if (pending !== undefined) return;
    pending = setTimeout(() => {
      pending = undefined;
      refresh();
    }, REFRESH_AFTER_MS);
  };

  socket.on('branch:time', takeBranchTime);
  socket.on('snapshot', take);
  socket.on('event', (raw) => {
    if (!snap) return;
    const e = BranchEvent.safeParse(raw);
    const seq = typeof raw?.seq === 'number' ? raw.seq : 0;
    if (seq <= snap.seq) return;
    // A kind this build does not know still moves seq on, so a resume does not replay it.
    publish(e.success ? applyEvent(snap, e.data) : { ...snap, seq });
    refreshSoon();
  });
  socket.on('resumed', refresh);
  socket.on('connect', () => listener.status('online'));
  socket.on('disconnect', (reason) => {
    if (closed) return;
    listener.status('offline');
    // The server dropping us on purpose stops socket.io's own retries; keep trying.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (err) => {
    const code = (err as Error & { data?: { code?: string } }).data?.code;
    if (code === 'UNAUTHORIZED') {
      listener.status('unauthorized');
      socket.close();
    } else listener.status('offline');
  });
  const timer = setInterval(refresh, REFRESH_EVERY_MS);
  listener.status('connecting');
  socket.connect();

  return {
    refresh,
    applyLocal(change) {
      if (!snap) return;
      let next = snap;
      if (change.counter) next = applyCounter(next, change.counter);
      if (change.ticket) next = applyTicket(next, change.ticket);
      if (next !== snap) publish(next);
    },
    close() {
      closed = true;
      clearInterval(timer);
      clearTimeout(pending);
      socket.close();
    },
  };
}
