import type { Service } from '@skr/protocol/domain';
import type { QueueSnapshot } from '@skr/protocol/http';
import { useEffect, useRef, useState } from 'react';
import type { DeskApi } from '../api/api-client';
import { connectQueue, type LinkStatus, type QueueConnection } from './queue-connection';

/** The live queue as the page sees it. */
export interface LiveQueue {
  snapshot: QueueSnapshot | null;
  status: LinkStatus;
  /** Services by id (names in three languages). */
  services: Map<string, Service>;
  /** The connection, for refreshes and applying action answers at once. */
  connection: QueueConnection | null;
  /** True once the link came back after having been lost (cleared by the next loss). */
  recovered: boolean;
}

/** Connects while signed in (token set) and loads the services once the link is up. */
export function useQueue(origin: string, token: string | null, api: DeskApi): LiveQueue {
  const [snapshot, setSnapshot] = useState<QueueSnapshot | null>(null);
  const [status, setStatus] = useState<LinkStatus>('connecting');
  const [services, setServices] = useState<Map<string, Service>>(new Map());
  const [recovered, setRecovered] = useState(false);
  const [connection, setConnection] = useState<QueueConnection | null>(null);
  const wasOffline = useRef(false);

  useEffect(() => {
    if (!token) return;
    const conn = connectQueue(origin, token, {
      snapshot: setSnapshot,
      status: (s) => {
        setStatus(s);
        if (s === 'offline') {
          wasOffline.current = true;
          setRecovered(false);
        } else if (s === 'online' && wasOffline.current) {
          wasOffline.current = false;
          setRecovered(true);
        }
      },
    });
    setConnection(conn);
    return () => {
      conn.close();
      setConnection(null);
      setSnapshot(null);
      setStatus('connecting');
    };
  }, [origin, token]);

  // The service list rarely changes: fetch it whenever the link is (re)established without it.
  const haveServices = services.size > 0;
  useEffect(() => {
    if (!token || status !== 'online' || haveServices) return;
    let live = true;
    api
      .services()
      .then((list) => {
        if (live) setServices(new Map(list.map((s) => [s.id, s])));
      })
      .catch(() => {
        // Names fall back to service ids; the next reconnect tries again.
      });
    return () => {
      live = false;
    };
  }, [api, token, status, haveServices]);

  return { snapshot, status, services, connection, recovered };
}
