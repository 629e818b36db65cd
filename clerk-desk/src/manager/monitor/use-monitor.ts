import type { SyncStatus } from '@skr/protocol/branch-pue';
import type { NotifyStatsResponse } from '@skr/protocol/notify';
import type { MonitorSnapshot } from '@skr/protocol/manager';
import type { ClientToServerEvents, ServerToClientEvents } from '@skr/protocol/socket';
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { takeBranchTime } from '../../ui/branch-time';
import { isSkrError } from '@skr/protocol/errors';
import type { ManagerApi } from '../api';

/** What the monitor shows, and how fresh it is. */
interface MonitorState {
  snapshot: MonitorSnapshot | null;
  sync: SyncStatus | null;
  /** Client notifications' counts; null when this server does not answer them. */
  notify: NotifyStatsResponse | null;
  live: boolean;
  error: unknown;
}

/** Waits keep growing between events; redraw at least this often. */
const POLL_MS = 10_000;
/** Bursts of events (a busy hall) cost one fetch. */
const SETTLE_MS = 200;

/**
 * The live monitor: a snapshot over HTTP, refetched whenever the branch publishes an event on
 * the `/counter` channel (a printer's paper-out arrives within a fraction of a second) and
 * every 10 s; sockets resume from the last sequence number after a network break.
 */
export function useMonitor(api: ManagerApi, origin: string, token: string, onExpired: () => void) {
  const [state, setState] = useState<MonitorState>({
    snapshot: null,
    sync: null,
    notify: null,
    live: false,
    error: null,
  });
  const expired = useRef(onExpired);
  expired.current = onExpired;
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastSeq: number | undefined;
    const refresh = async () => {
      try {
        const [snapshot, sync, notify] = await Promise.all([
          api.monitor(),
          api.syncStatus().catch(() => null),
          api.notifications().catch(() => null),
        ]);
        if (!stopped) setState((s) => ({ ...s, snapshot, sync, notify, error: null }));
      } catch (e) {
        if (isSkrError(e, 'UNAUTHORIZED')) expired.current();
        else if (!stopped) setState((s) => ({ ...s, error: e }));
      }
    };
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), SETTLE_MS);
    };
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${origin}/counter`, {
      autoConnect: false,
      transports: ['websocket'],
      auth: (cb) => cb(lastSeq === undefined ? { token } : { token, lastSeq }),
    });
    socket.on('branch:time', takeBranchTime);
    socket.on('snapshot', (s) => {
      lastSeq = s.seq;
      soon();
    });
    socket.on('event', (e) => {
      lastSeq = e.seq;
      soon();
    });
    socket.on('connect', () => setState((s) => ({ ...s, live: true })));
    socket.on('disconnect', () => setState((s) => ({ ...s, live: false })));
    socket.on('connect_error', () => setState((s) => ({ ...s, live: false })));
    socket.connect();
    void refresh();
    const poll = setInterval(() => void refresh(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearInterval(poll);
      socket.close();
    };
  }, [api, origin, token]);
  return state;
}
