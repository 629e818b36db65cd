import type { BranchEvent } from '@skr/protocol';
import type { Logger } from 'pino';
import type { Branch } from '../app';
import type { Db } from '../store';
import { defaultBackoff, type BackoffPolicy } from '../sync/backoff';
import { notifyDelivery, type ChannelHealth } from './delivery';
import { notifyOutbox, type NotifyCounts } from './notify-outbox';
import { notifyPlanner, type BranchReader } from './planner';
import type { Sender } from './sender';
import { defaultNotifySettings, type NotifySettings } from './settings';
import type { Channel } from './types';

/** How the branch's notifier is built. */
export interface NotifierOptions {
  db: Db;
  /** The transports configured; a channel without one is off. */
  senders: Partial<Record<Channel, Sender>>;
  settings?: Partial<NotifySettings>;
  now: () => Date;
  clockMs?: () => number;
  backoff?: BackoffPolicy;
  concurrency?: number;
  batchSize?: number;
  maxAttempts?: number;
  /** How often cancelled bookings and past contacts are looked for. */
  sweepMs?: number;
  log?: Logger;
}

/** What the notifier uses of the branch. */
type NotifiedBranch = BranchReader & Pick<Branch, 'subscribe' | 'reportDeviceStatus'>;

/** What the manager sees: counts and channel states, never an address. */
export interface NotifyStats extends NotifyCounts {
  channels: Record<Channel, ChannelHealth>;
}

/**
 * Client notifications: the planner queues messages from the branch's changes (inside their
 * transactions), the delivery loop sends them. `onCommit` goes into the branch's pipeline;
 * `attach(branch)` once the branch exists; `start`/`stop` run the loop and the sweep.
 */
export function createNotifier(o: NotifierOptions) {
  const settings: NotifySettings = { ...defaultNotifySettings, ...o.settings };
  const clockMs = o.clockMs ?? (() => Date.now());
  const channels = new Set(Object.keys(o.senders) as Channel[]);
  let zone = 'Europe/Warsaw';
  const delivery = notifyDelivery({
    db: o.db,
    senders: o.senders,
    settings,
    zone: () => zone,
    now: o.now,
    clockMs,
    backoff: o.backoff ?? defaultBackoff,
    concurrency: o.concurrency ?? 8,
    batchSize: o.batchSize ?? 200,
    maxAttempts: o.maxAttempts ?? 12,
    log: o.log,
    onHealth: (channel, ok) => {
      // The gateway and the mail server appear in the manager's device list like a board.
      const name = channel === 'sms' ? 'Bramka SMS' : 'Serwer poczty';
      try {
        branch?.reportDeviceStatus(
          { id: `notify-${channel}`, name, kind: 'gateway' },
          { component: 'gateway', ok, ...(ok ? {} : { code: 'UNAVAILABLE' }) },
          'system:notify',
        );
      } catch (err) {
        o.log?.warn({ err }, 'gateway health not recorded');
      }
    },
  });
  const planner = notifyPlanner({
    db: o.db,
    settings,
    now: o.now,
    clockMs,
    channels,
    log: o.log,
    onQueued: () => delivery.wake(),
  });
  const outbox = notifyOutbox(o.db);
  let unsubscribe: (() => void) | undefined;
  let sweepTimer: NodeJS.Timeout | undefined;
  let branch: NotifiedBranch | undefined;

  return {
    /** Whether any channel is configured. */
    enabled: channels.size > 0,
    channels: channels as ReadonlySet<Channel>,
    settings,
    /** For the branch's pipeline: queues the messages of a change inside its transaction. */
    onCommit: (events: BranchEvent[], _db: Db) => {
      if (channels.size > 0) planner.onCommit(events);
    },
    attach(b: NotifiedBranch): void {
      branch = b;
      planner.attach(b);
    },
    contactForTicket: planner.contactForTicket,
    contactForBooking: planner.contactForBooking,
    withdraw: planner.withdraw,
    sweep: planner.sweep,
    checkNear: planner.checkNear,
    drainOnce: delivery.drainOnce,
    stats(): NotifyStats {
      return { ...outbox.counts(), channels: delivery.health() };
    },
    start(): void {
      if (!branch || channels.size === 0) return;
      zone = branch.settings().timeZone;
      const b = branch;
      unsubscribe = b.subscribe((e) => {
        if (e.type === 'config.changed') zone = b.settings().timeZone;
        planner.afterCommit(e);
      });
      // What changed while the branch was down: past contacts, cancellations, near turns.
      planner.sweep();
      planner.checkNear();
      sweepTimer = setInterval(() => planner.sweep(), o.sweepMs ?? 30_000);
      sweepTimer.unref();
      delivery.start();
    },
    async stop(): Promise<void> {
      unsubscribe?.();
      if (sweepTimer) clearInterval(sweepTimer);
      await delivery.stop();
      await Promise.all(Object.values(o.senders).map((s) => s?.close()));
    },
  };
}
/** The branch's notifier. */
export type Notifier = ReturnType<typeof createNotifier>;
