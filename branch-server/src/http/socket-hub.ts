import {
  SkrError,
  SocketAuth,
  defaultDisplayConfig,
  isSkrError,
  type BranchEvent,
  type ClientToServerEvents,
  type DisplayConfig,
  type Principal,
  type ServerToClientEvents,
  type SocketNamespace,
} from '@skr/protocol';
import type { BranchTime } from '@skr/protocol/branch-clock';
import { zoneOffsetMinutes } from '@skr/protocol/time-zone';
import type { Server as HttpServer } from 'node:http';
import { Server, type Namespace } from 'socket.io';
import { isPublicRole, publicEvent, type Branch } from '../app';
import { allowed, requireRole, type AuthService, type Caller } from '../auth';
import { coalesceIssued } from './coalesce-issued';
import { deferredFanOut, type FanOut } from './fan-out';
import { replayEvents, type ReplayTarget } from './replay';
import { publicSnapshotCache } from './snapshot-cache';

/** Events beyond this many are not replayed; the client gets a fresh snapshot instead. */
const MAX_REPLAY = 20_000;
/** Events per replay batch; the loop yields and waits for the client's buffer between them. */
const BATCH = 200;
/** Replays one device may run at once; more reconnects get a snapshot instead. */
const MAX_REPLAYS_PER_DEVICE = 2;
/** How often connected sockets' tokens are checked again (revocation, logout, expiry). */
const RECHECK_MS = 1000;
/** How often every client is sent the branch's time again (a stepped server clock, DST). */
const TIME_EVERY_MS = 60_000;

const channels: Record<SocketNamespace, { who: readonly Principal[]; public: boolean }> = {
  '/display': { who: allowed.displayChannel, public: true },
  '/counter': { who: allowed.counterChannel, public: false },
  '/kiosk': { who: allowed.kioskChannel, public: true },
};

/** Sockets of screens, kiosks and boards: they get the waiting-room view of every event. */
const PUBLIC_ROOM = 'public';
/** Sockets of staff: they get events as logged. */
const STAFF_ROOM = 'staff';
/**
 * Each room is split into this many groups, and the fan-out writes an event to one group per
 * turn of the event loop (fan-out.ts): a kiosk's request waits for a quarter of 100 screens'
 * writes, not for all of them.
 */
const FAN_OUT_PARTS = 4;
/** Sockets joined so far: deals them round the fan-out's groups in turn. */
let joined = 0;
/** The room (group of `PUBLIC_ROOM` or `STAFF_ROOM`) the next socket joins. */
const nextRoom = (pub: boolean) => `${pub ? PUBLIC_ROOM : STAFF_ROOM}:${joined++ % FAN_OUT_PARTS}`;

/** A socket as a replay sees it: engine.io's write buffer and its 'drain' for back-pressure. */
function replayTarget(
  socket: { connected: boolean; conn: unknown; emit(ev: 'event', e: BranchEvent): unknown },
  view: (e: BranchEvent) => BranchEvent,
): ReplayTarget {
  const conn = socket.conn as {
    writeBuffer: unknown[];
    once(ev: 'drain' | 'close', f: () => void): void;
  };
  return {
    connected: () => socket.connected,
    send: (e) => socket.emit('event', view(e)),
    buffered: () => conn.writeBuffer.length,
    drained: () =>
      new Promise<void>((r) => {
        conn.once('drain', r);
        conn.once('close', r);
      }),
  };
}

/** What the socket hub reads besides the branch. */
export interface SocketOptions {
  /** A screen's saved settings by its subject (`device:<id>`); pushed live when they change. */
  displayConfig?: (subject: string) => DisplayConfig | undefined;
}

type Nsp = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { caller: Caller; token: string; config?: string }
>;

/**
 * The handshake check of a namespace: a valid `auth.token` of one of the roles `who`, else the
 * connection is refused with the failure's code in `err.data`.
 */
function handshakeGuard(auth: AuthService, who: readonly Principal[]): Parameters<Nsp['use']>[0] {
  return (socket, next) => {
    try {
      const a = SocketAuth.safeParse(socket.handshake.auth);
      if (!a.success) throw new SkrError('UNAUTHORIZED', 'auth.token is required');
      const caller = auth.authenticate(a.data.token);
      requireRole(caller, who);
      socket.data.caller = caller;
      socket.data.token = a.data.token;
      next();
    } catch (e) {
      const err = new Error(e instanceof Error ? e.message : 'refused') as Error & {
        data: unknown;
      };
      err.data = { code: isSkrError(e) ? e.code : 'INTERNAL' };
      next(err);
    }
  };
}

/**
 * The fan-out of committed events to the namespaces' rooms: staff get every event as logged,
 * public sockets its public view with issued tickets thinned (coalesce-issued.ts); each in
 * `FAN_OUT_PARTS` groups, one per turn of the event loop (fan-out.ts).
 */
function roomFanOut(namespaces: readonly { nsp: Nsp }[]): FanOut {
  // socket.io encodes a broadcast before it looks at the room, so an empty room still costs an
  // encode per event (a third of an issue's time in bench core with no screen connected).
  const occupied = (nsp: Nsp, room: string) => (nsp.adapter.rooms.get(room)?.size ?? 0) > 0;
  // The public view of an event, made once for all its groups.
  const pubViews = new WeakMap<BranchEvent, BranchEvent>();
  const sendPublic = (e: BranchEvent, part: number) => {
    const pubRoom = `${PUBLIC_ROOM}:${part}`;
    for (const n of namespaces) {
      if (!occupied(n.nsp, pubRoom)) continue;
      let pub = pubViews.get(e);
      if (!pub) pubViews.set(e, (pub = publicEvent(e)));
      n.nsp.to(pubRoom).emit('event', pub);
    }
  };
  const sendStaff = (e: BranchEvent, part: number) => {
    const staffRoom = `${STAFF_ROOM}:${part}`;
    for (const n of namespaces)
      if (occupied(n.nsp, staffRoom)) n.nsp.to(staffRoom).emit('event', e);
  };
  const staffFanOut = deferredFanOut(sendStaff, FAN_OUT_PARTS);
  const publicFanOut = coalesceIssued(deferredFanOut(sendPublic, FAN_OUT_PARTS));
  return {
    push(e) {
      staffFanOut.push(e);
      publicFanOut.push(e);
    },
    flush() {
      staffFanOut.flush();
      publicFanOut.flush();
    },
  };
}

/**
 * socket.io on the HTTP server: `/display`, `/counter`, `/kiosk`. A client authenticates in
 * the handshake (`auth.token`); with `auth.lastSeq` it gets every event it missed, in order,
 * then live ones — also across a server restart, since replay reads the event log.
 */
export function attachSockets(
  httpServer: HttpServer,
  branch: Branch,
  auth: AuthService,
  opts: SocketOptions = {},
) {
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    serveClient: false,
    cors: { origin: false },
    pingInterval: 5000,
    pingTimeout: 5000,
  });
  const namespaces: { nsp: Nsp; public: boolean }[] = [];
  // Committed events still waiting for the fan-out are sent before a socket joins a room or is
  // given a snapshot, so it never gets an event its snapshot or replay already holds.
  let flushFanOut = () => {};
  /** Replays running, by device or user subject. */
  const replays = new Map<string, number>();
  const branchTime = (): BranchTime => {
    const now = branch.now();
    const timeZone = branch.settings().timeZone;
    return { now: now.toISOString(), timeZone, offsetMinutes: zoneOffsetMinutes(now, timeZone) };
  };
  // Screens ask together after each event: one public snapshot per event seq for them all.
  const publicSnap = publicSnapshotCache(branch);
  const displayConfigOf = (subject: string) =>
    opts.displayConfig?.(subject) ?? defaultDisplayConfig;
  for (const [name, ch] of Object.entries(channels) as [
    SocketNamespace,
    (typeof channels)[SocketNamespace],
  ][]) {
    const nsp = io.of(name) as unknown as Nsp;
    nsp.use(handshakeGuard(auth, ch.who));
    nsp.on('connection', (socket) => {
      flushFanOut();
      const lastSeq = SocketAuth.safeParse(socket.handshake.auth).data?.lastSeq;
      // Before any queue data, so the first thing drawn is already in the branch's time.
      socket.emit('branch:time', branchTime());
      if (name === '/display') {
        const config = displayConfigOf(socket.data.caller.subject);
        socket.data.config = JSON.stringify(config);
        socket.emit('display:config', config);
      }
      const pub = isPublicRole(socket.data.caller.principal);
      const view = pub ? publicEvent : (e: BranchEvent) => e;
      const snapshot = () => (pub ? publicSnap() : branch.snapshot());
      const room = nextRoom(pub);
      const head = branch.lastSeq();
      const subject = socket.data.caller.subject;
      const replaying = replays.get(subject) ?? 0;
      if (
        lastSeq === undefined ||
        head - lastSeq > MAX_REPLAY ||
        lastSeq > head ||
        // A device reconnecting in a loop gets snapshots, not ever more replays at once.
        replaying >= MAX_REPLAYS_PER_DEVICE
      ) {
        void socket.join(room);
        socket.emit('snapshot', snapshot());
      } else {
        replays.set(subject, replaying + 1);
        // The live stream is joined only when the replay has caught up (same tick as the read).
        void replayEvents({
          from: lastSeq,
          batch: BATCH,
          eventsSince: (seq, limit) => branch.eventsSince(seq, limit),
          target: replayTarget(socket, view),
          caughtUp: (toSeq) => {
            flushFanOut();
            void socket.join(room);
            socket.emit('resumed', { fromSeq: lastSeq, toSeq });
          },
        }).finally(() => {
          const n = (replays.get(subject) ?? 1) - 1;
          if (n > 0) replays.set(subject, n);
          else replays.delete(subject);
        });
      }
      socket.on('queue:snapshot', (ack) => {
        if (typeof ack !== 'function') return;
        flushFanOut();
        ack({ ok: true, data: snapshot() });
      });
    });
    namespaces.push({ nsp, public: ch.public });
  }
  // A token revoked (or logged out, or expired) after the handshake must not keep a live
  // feed: every connected socket's token is checked again each second and cut off if refused.
  // One look-up per token and pass: screens that share a token (one pairing shown on several
  // monitors) cost one, and the pass no longer stalls the loop for a look-up per socket.
  const recheck = setInterval(() => {
    const valid = new Map<string, boolean>();
    for (const { nsp } of namespaces) {
      for (const socket of nsp.sockets.values()) {
        const token = socket.data.token;
        let ok = valid.get(token);
        if (ok === undefined) {
          try {
            auth.authenticate(token);
            ok = true;
          } catch {
            ok = false;
          }
          valid.set(token, ok);
        }
        if (!ok) socket.disconnect(true);
      }
    }
  }, RECHECK_MS);
  recheck.unref();
  // A screen's settings reach it live: the display config is saved by any route (or tool) into
  // the settings table, so each second every screen's row is compared with what it was sent.
  const displays = namespaces.find((n) => n.nsp.name === '/display')!.nsp;
  const pushConfig = setInterval(() => {
    if (!opts.displayConfig) return;
    const seen = new Map<string, string>();
    for (const socket of displays.sockets.values()) {
      const subject = socket.data.caller.subject;
      let json = seen.get(subject);
      if (json === undefined) {
        json = JSON.stringify(displayConfigOf(subject));
        seen.set(subject, json);
      }
      if (json === socket.data.config) continue;
      socket.data.config = json;
      socket.emit('display:config', JSON.parse(json));
    }
  }, RECHECK_MS);
  pushConfig.unref();
  const tick = setInterval(() => {
    const t = branchTime();
    for (const { nsp } of namespaces) nsp.emit('branch:time', t);
  }, TIME_EVERY_MS);
  tick.unref();
  const fanOut = roomFanOut(namespaces);
  flushFanOut = fanOut.flush;
  const unsubscribe = branch.subscribe(fanOut.push);
  return {
    io,
    close: () => {
      clearInterval(recheck);
      clearInterval(pushConfig);
      clearInterval(tick);
      unsubscribe();
      fanOut.flush();
      return new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
