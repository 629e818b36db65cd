import { createHash } from 'node:crypto';
import { SkrError } from '@skr/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The header a device sends with a write it may retry (the same value on every retry). */
const IDEMPOTENCY_HEADER = 'idempotency-key';

/** A key: 8–128 characters of letters, digits, `-` and `_` (a UUID fits). */
const KEY_FORMAT = /^[A-Za-z0-9_-]{8,128}$/;

/** How long and how many answers are kept. */
export interface IdempotencyOptions {
  /** Answers are replayed this long after they were sent; 10 minutes by default. */
  ttlMs?: number;
  /** At most this many answers are kept (oldest out first); 5,000 by default. */
  maxEntries?: number;
  now?: () => number;
  /** Where answers are kept across a restart (the branch database); memory only without it. */
  store?: KeptAnswerStore;
}

/** An answer as kept across a restart (`store/kept-answer-repo.ts` implements it in SQLite). */
export interface KeptAnswerStore {
  get(key: string): (Answer & { fingerprint: string; keptAt: number }) | undefined;
  /** Keeps `records` and drops those kept before `olderThan` (epoch ms). */
  putAll(
    records: readonly (Answer & { key: string; fingerprint: string; keptAt: number })[],
    olderThan: number,
  ): void;
}

/** How long answers wait in memory before they are written to the store as one batch. */
const STORE_BATCH_MS = 25;

interface Kept {
  /** Who sent it, which route, and a hash of the body: a reused key with another body is refused. */
  fingerprint: string;
  at: number;
  /** Settles when the first request's answer is known (undefined: not kept, run again). */
  answer: Promise<Answer | undefined>;
  settle(a: Answer | undefined): void;
}

interface Answer {
  status: number;
  contentType: string | undefined;
  payload: string | Buffer;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The kept entry this request is the first of (set by the idempotency hook). */
    idempotent?: { key: string; kept: Kept };
    /** Its answer, once sent: written to the store after the response. */
    keptAnswer?: { key: string; fingerprint: string; answer: Answer };
  }
}

function fingerprintOf(req: FastifyRequest): string {
  const body = req.body === undefined ? '' : JSON.stringify(req.body);
  return createHash('sha256')
    .update(`${req.method} ${req.routeOptions.url}\0${req.url}\0${body}`)
    .digest('hex');
}

function replay(reply: FastifyReply, a: Answer): FastifyReply {
  if (a.contentType) reply.header('content-type', a.contentType);
  return reply.header('idempotent-replay', 'true').status(a.status).send(a.payload);
}

/**
 * Makes authenticated POSTs that carry `Idempotency-Key` safe to retry (issue 13): the first
 * request with a key runs; a retry with the same key, caller and body gets the first answer
 * again (waiting for it if the first is still running) instead of a second ticket, archive
 * order or document. Failures of the server or the portal (5xx) are not kept, so a retry after
 * them runs again. Kept in memory and, with `store`, in the database: written in a batch right
 * after the response (not on its path), so only a crash within those ~25 ms forgets an answer
 * (and its client received it).
 */
export function installIdempotency(app: FastifyInstance, opts: IdempotencyOptions = {}): void {
  const ttl = opts.ttlMs ?? 10 * 60_000;
  const max = opts.maxEntries ?? 5000;
  const now = opts.now ?? Date.now;
  const kept = new Map<string, Kept>();
  const store = opts.store;
  let pending: Parameters<KeptAnswerStore['putAll']>[0][number][] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  const flush = () => {
    flushTimer = undefined;
    if (!store || pending.length === 0) return;
    const batch = pending;
    pending = [];
    try {
      store.putAll(batch, now() - ttl);
    } catch (e) {
      // A full disk must not fail requests already answered; the answers stay in memory.
      app.log.warn({ err: e, answers: batch.length }, 'kept answers not written to the database');
    }
  };
  app.addHook('onClose', async () => {
    if (flushTimer) clearTimeout(flushTimer);
    flush();
  });
  /** The answer kept in the database for `key` (after a restart), if still fresh. */
  const fromStore = (key: string) => {
    const r = store?.get(key);
    return r && now() - r.keptAt < ttl ? r : undefined;
  };
  const prune = () => {
    for (const [k, v] of kept) {
      if (kept.size <= max && now() - v.at < ttl) break;
      kept.delete(k);
    }
  };

  // preHandler: after the access hook (caller known) and validation (body parsed and valid).
  app.addHook('preHandler', async (req, reply) => {
    const raw = req.headers[IDEMPOTENCY_HEADER];
    if (req.method !== 'POST' || raw === undefined || !req.caller) return;
    if (typeof raw !== 'string' || !KEY_FORMAT.test(raw))
      throw new SkrError('INVALID', 'Idempotency-Key: 8–128 letters, digits, - or _');
    prune();
    const key = `${req.caller.subject}\0${raw}`;
    const fingerprint = fingerprintOf(req);
    const before = kept.get(key);
    const stored = before ? undefined : fromStore(key);
    if (stored) {
      if (stored.fingerprint !== fingerprint)
        throw new SkrError('CONFLICT', 'this Idempotency-Key was used for another request');
      return replay(reply, stored);
    }
    if (before) {
      if (before.fingerprint !== fingerprint)
        throw new SkrError('CONFLICT', 'this Idempotency-Key was used for another request');
      const answer = await before.answer;
      if (answer) return replay(reply, answer);
      // The first attempt failed without a kept answer: this one runs (and is kept) instead.
    }
    let settle!: (a: Answer | undefined) => void;
    const answer = new Promise<Answer | undefined>((resolve) => (settle = resolve));
    const entry: Kept = { fingerprint, at: now(), answer, settle };
    kept.delete(key);
    kept.set(key, entry);
    req.idempotent = { key, kept: entry };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const mine = req.idempotent;
    if (!mine) return payload;
    req.idempotent = undefined;
    const storable = typeof payload === 'string' || Buffer.isBuffer(payload) || payload == null;
    if (reply.statusCode >= 500 || !storable) {
      if (kept.get(mine.key) === mine.kept) kept.delete(mine.key);
      mine.kept.settle(undefined);
      return payload;
    }
    const ct = reply.getHeader('content-type');
    const answer: Answer = {
      status: reply.statusCode,
      contentType: typeof ct === 'string' ? ct : undefined,
      payload: (payload as string | Buffer | null) ?? '',
    };
    mine.kept.settle(answer);
    if (store) req.keptAnswer = { key: mine.key, fingerprint: mine.kept.fingerprint, answer };
    return payload;
  });

  // A request that ends without an answer (client gone) must not leave retries waiting.
  app.addHook('onResponse', async (req) => {
    const sent = req.keptAnswer;
    if (sent) {
      req.keptAnswer = undefined;
      const at = kept.get(sent.key)?.at ?? now();
      pending.push({ ...sent.answer, key: sent.key, fingerprint: sent.fingerprint, keptAt: at });
      flushTimer ??= setTimeout(flush, STORE_BATCH_MS);
    }
    const mine = req.idempotent;
    if (!mine) return;
    if (kept.get(mine.key) === mine.kept) kept.delete(mine.key);
    mine.kept.settle(undefined);
  });
}
