import type { BranchEvent, DocumentStatus, SubmitDocumentRequest, SyncStatus } from '@skr/protocol';
import pino, { type Logger } from 'pino';
import { localDay } from '@skr/protocol/time-zone';
import { catalogRepo, type Db } from '../store';
import { defaultBackoff, type BackoffPolicy } from './backoff';
import { bookingPuller, type BookingFeedSink } from './booking-pull';
import { calendarPublisher } from './calendar-publish';
import { enqueueClosedDays } from './daily-stats';
import { documentStore, submitterMemory } from './documents';
import { outboxRepo } from './outbox-repo';
import { outboxWorker } from './outbox-worker';
import { createPortalClient, type PortalClient, type PortalConfig } from './portal-client';
import { BOOKING_KEYS, syncState } from './sync-state';
import { enqueueVisitOutcomes } from './visit-outcomes';

/** The portal connection and the sync's pace (all but the connection have defaults). */
export interface SyncOptions extends PortalConfig {
  /** How often bookings are pulled (also the portal health probe). Default 30 s. */
  pullIntervalMs?: number;
  /** Retry timing of the outbox. Default: 1 s doubling up to 5 min, full jitter. */
  backoff?: Partial<BackoffPolicy>;
  /** Deliveries in flight at once. Default 16. */
  concurrency?: number;
  /** Outbox rows per round. Default 128. */
  batchSize?: number;
}

/** What the sync is built from. */
export interface CreateSyncArgs {
  db: Db;
  now: () => Date;
  /** Without it, documents and reports still queue up; nothing is sent and the proxy is 503. */
  portal?: SyncOptions;
  log?: Logger;
  /** Scheduling clock (ms); defaults to Date.now. */
  clockMs?: () => number;
}

/**
 * Branch ↔ portal sync: pulls bookings into the cache, pushes documents, visit outcomes and
 * daily statistics from the transactional outbox, and reports the backlog.
 */
export function createSync(args: CreateSyncArgs) {
  const { db, now } = args;
  const clockMs = args.clockMs ?? Date.now;
  const log = (args.log ?? pino({ level: 'silent' })).child({ module: 'sync' });
  // Erased document bytes and PESELs are overwritten with zeros, not just unlinked.
  db.pragma('secure_delete = ON');
  const outbox = outboxRepo(db);
  const timeZone = () => catalogRepo(db).settings().timeZone;
  const documents = documentStore(db, outbox, timeZone);
  const state = syncState(db);
  const portal: PortalClient | undefined = args.portal && createPortalClient(args.portal);
  const worker =
    portal &&
    outboxWorker({
      outbox,
      documents,
      portal,
      now,
      clockMs,
      backoff: { ...defaultBackoff, ...args.portal?.backoff },
      concurrency: args.portal?.concurrency ?? 16,
      batchSize: args.portal?.batchSize ?? 128,
      log,
      onDocumentsDelivered: scrubWal,
    });
  // The branch is made after the sync (its pipeline calls onCommit): attach() hands it over.
  let branch: BookingFeedSink | undefined;
  const puller = portal && bookingPuller(portal, state, () => branch);
  const publisher = portal && calendarPublisher(db, portal, state, timeZone);
  let pullTimer: NodeJS.Timeout | undefined;
  let pulling: Promise<void> | undefined;
  let pullFailing = false;
  let stopped = true;
  let lastScrubMs = 0;

  /**
   * Old page images in the WAL still hold what was erased; a truncating checkpoint removes
   * them. Done when the backlog is empty, otherwise at most every 5 s (a checkpoint is an fsync).
   */
  function scrubWal(): void {
    const t = clockMs();
    if (outbox.stats().pending > 0 && t - lastScrubMs < 5000) return;
    lastScrubMs = t;
    const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    // The checkpoint worker was copying (busy, nothing truncated): again after the next round.
    if (r?.busy) lastScrubMs = 0;
  }
  let aborter = new AbortController();

  let pullChain: Promise<unknown> = Promise.resolve();
  /**
   * Pulls bookings now (and queues closed days' statistics); rejects when the portal fails.
   * Pulls run one after another, never two at once on the same cursor.
   */
  function pullNow(): Promise<number> {
    const next = pullChain.then(pullOnce, pullOnce);
    pullChain = next.catch(() => undefined);
    return next;
  }

  async function pullOnce(): Promise<number> {
    enqueueClosedDays(db, outbox, localDay(now(), timeZone()), now(), clockMs());
    worker?.wake();
    if (!puller) return 0;
    try {
      const n = await puller.pull(aborter.signal);
      // The calendar goes out after the pull, so transfers see the portal's latest visits.
      await publisher?.publish(now(), aborter.signal, n > 0);
      if (pullFailing) worker?.portalBack();
      pullFailing = false;
      return n;
    } catch (e) {
      if (!pullFailing) log.warn({ err: (e as Error).message }, 'booking pull failing');
      pullFailing = true;
      throw e;
    }
  }

  function schedulePull(delayMs: number): void {
    if (stopped || !puller) return;
    pullTimer = setTimeout(() => {
      pulling = pullNow()
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => schedulePull(args.portal?.pullIntervalMs ?? 30_000));
    }, delayMs);
  }

  return {
    /** The portal client (the kiosk proxy uses it); undefined when no portal is configured. */
    portal,
    /** Who signed in with which portal session (for documents dropped off with the portal down). */
    submitters: submitterMemory(),
    /** Hands over the branch whose pipeline writes the pulled bookings (before `start`). */
    attach(b: BookingFeedSink): void {
      branch = b;
    },
    /** For BranchOptions.onCommit: queues visit outcomes in the change's own transaction. */
    onCommit(events: BranchEvent[], txDb: Db): void {
      if (enqueueVisitOutcomes(events, txDb, outbox, clockMs()) > 0)
        setImmediate(() => worker?.wake());
    },
    /** Stores and queues a dropped-off document; durable before it returns. */
    submitDocument(req: SubmitDocumentRequest, submitterPesel: string | null): DocumentStatus {
      const doc = documents.submit(req, submitterPesel, now(), clockMs());
      worker?.wake();
      return doc;
    },
    documentStatus: (id: string) => documents.status(id),
    /** Delivers due outbox rows soon (a change queued one outside `onCommit`). */
    wake: () => worker?.wake(),
    /** A document's state by its branch receipt (number + check code). */
    documentByReceipt: (receiptNo: string, code: string) => documents.byReceipt(receiptNo, code),
    pullNow,
    /** Delivers one round of due outbox rows now (tests, bench). */
    drainOnce: () => worker?.drainOnce() ?? Promise.resolve(0),
    /** The backlog as the manager sees it. */
    status(): SyncStatus {
      return {
        outbox: outbox.stats(),
        bookings: {
          cursor: state.get(BOOKING_KEYS.cursor),
          lastPullAt: state.get(BOOKING_KEYS.lastPullAt),
          lastError: state.get(BOOKING_KEYS.lastError),
        },
      };
    },
    /** Starts pulling and pushing (no-op without a portal). */
    start(): void {
      if (!portal || !stopped) return;
      stopped = false;
      aborter = new AbortController();
      worker?.start();
      schedulePull(0);
    },
    /** Stops both loops; waits for the current round (in-flight calls are aborted). */
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(pullTimer);
      aborter.abort();
      await worker?.stop();
      await pulling;
    },
  };
}
/** The branch's portal sync. */
export type Sync = ReturnType<typeof createSync>;
