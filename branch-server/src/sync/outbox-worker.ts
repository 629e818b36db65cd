import { PueReportReceipt, PueUpp, SkrError } from '@skr/protocol';
import { PueRegistrationDecisionReceipt } from '@skr/protocol/profile-confirmation';
import type { Logger } from 'pino';
import { retryDelayMs, type BackoffPolicy } from './backoff';
import { drainLoop, mapPool, type DrainTiming } from './drain-loop';
import type { DocumentPayload, DocumentStore } from './documents';
import type { DeliveryResult, OutboxItem, OutboxRepo } from './outbox-repo';
import { isRetryable, type PortalClient } from './portal-client';

/** What the delivery loop needs. */
interface OutboxWorkerOptions extends DrainTiming {
  outbox: OutboxRepo;
  documents: DocumentStore;
  portal: PortalClient;
  log: Logger;
  /** Called after a round delivered documents (the sync scrubs their bytes off the disk). */
  onDocumentsDelivered?: () => void;
  /** Pause after rounds that failed on the branch's own storage (default 1 s doubling to 60 s). */
  errorBackoff?: BackoffPolicy;
}

/**
 * The outbox delivery loop: takes due rows, delivers them with bounded parallelism under their
 * idempotency keys, and records each round's results in one transaction. A row is marked
 * delivered only after the portal's answer; a crash in between re-sends it with the same key,
 * and the portal answers with the first receipt (at least once here, exactly once there).
 */
export function outboxWorker(o: OutboxWorkerOptions) {
  let failing = false;

  async function send(item: OutboxItem, signal: AbortSignal): Promise<unknown> {
    const payload = JSON.parse(item.payload ?? 'null') as unknown;
    switch (item.kind) {
      case 'document': {
        const sub = o.documents.submission(item.ref, payload as DocumentPayload);
        if (!sub) throw new SkrError('NOT_FOUND', `document ${item.ref} has no content left`);
        const res = await o.portal.postReport('/documents', item.idempotencyKey, sub.body, signal);
        const upp = PueUpp.parse(res.body);
        if (upp.sha256 !== sub.sha256)
          throw new SkrError('CONFLICT', 'the portal confirmed different bytes');
        return upp;
      }
      case 'visit-outcome':
      case 'daily-stats': {
        const path = item.kind === 'visit-outcome' ? '/visit-outcomes' : '/daily-stats';
        const res = await o.portal.postReport(path, item.idempotencyKey, payload, signal);
        return PueReportReceipt.parse(res.body);
      }
      case 'profile-confirmation': {
        // A 409 (decided elsewhere, or past 7 days) is not retryable: the row fails for good.
        const res = await o.portal.postReport(
          '/registrations/decisions',
          item.idempotencyKey,
          payload,
          signal,
        );
        return PueRegistrationDecisionReceipt.parse(res.body);
      }
    }
  }

  async function deliver(item: OutboxItem, signal: AbortSignal): Promise<DeliveryResult> {
    try {
      const response = await send(item, signal);
      return { id: item.id, ok: true, response, at: o.now().toISOString() };
    } catch (e) {
      const error = `${item.kind}: ${(e as Error).message}`;
      if (!isRetryable(e)) {
        o.log.error({ outboxId: item.id, kind: item.kind, err: e }, 'portal refused for good');
        return { id: item.id, ok: false, retryAtMs: null, error };
      }
      const retryAtMs = o.clockMs() + retryDelayMs(item.attempts + 1, o.backoff);
      return { id: item.id, ok: false, retryAtMs, error };
    }
  }

  /** Delivers one round of due rows; returns how many were tried. */
  async function round(signal: AbortSignal): Promise<number> {
    const items = o.outbox.due(o.clockMs(), o.batchSize);
    if (items.length === 0) return 0;
    const results = await mapPool(items, o.concurrency, (i) => deliver(i, signal));
    const byId = new Map(items.map((i) => [i.id, i]));
    let documents = 0;
    o.outbox.record(results, (id, response) => {
      const item = byId.get(id);
      if (item?.kind !== 'document') return;
      o.documents.markDelivered(item.ref, response as PueUpp);
      documents += 1;
    });
    if (documents > 0) o.onDocumentsDelivered?.();
    const anyOk = results.some((r) => r.ok);
    if (anyOk && failing) portalBack();
    if (!anyOk && results.some((r) => !r.ok && r.retryAtMs !== null)) {
      if (!failing)
        o.log.warn({ error: (results[0] as { error: string }).error }, 'portal push failing');
      failing = true;
    }
    return items.length;
  }

  /** The portal answers again: retry everything waiting now instead of after its backoff. */
  function portalBack(): void {
    failing = false;
    const n = o.outbox.wakeAll(o.clockMs());
    if (n > 0) o.log.info({ rows: n }, 'portal reachable again; retrying the backlog now');
    wake();
  }

  const loop = drainLoop({
    round,
    nextDueMs: () => o.outbox.nextDueMs(),
    clockMs: () => o.clockMs(),
    onError: (err) => o.log.error({ err }, 'outbox rounds failing; backing off'),
    onRecover: (failedRounds) => o.log.info({ failedRounds }, 'outbox rounds work again'),
    errorBackoff: o.errorBackoff,
  });
  const wake = loop.wake;

  return {
    drainOnce: loop.drainOnce,
    wake,
    portalBack,
    /** Whether the last round found the portal failing. */
    isFailing: () => failing,
    /** Consecutive rounds that failed on the branch's own storage. */
    storageFailures: loop.failures,
    start: loop.start,
    /** Stops the loop; deliveries in flight are aborted (they stay pending and go again later). */
    stop: loop.stop,
  };
}
