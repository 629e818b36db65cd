import type { Logger } from 'pino';
import { retryDelayMs } from '../sync/backoff';
import { drainLoop, mapPool, type DrainTiming } from '../sync/drain-loop';
import { bookingRepo, type Db } from '../store';
import { contactRepo } from './contact-repo';
import { keyOf, notifyOutbox, type NotifyItem, type NotifyResult } from './notify-outbox';
import { rateLimiter } from './rate-limit';
import { afterQuietHours, inQuietHours } from './rules';
import { sendRetryable, type Sender } from './sender';
import type { NotifySettings } from './settings';
import type { Channel, RenderedMessage } from './types';

/** A channel's state for the manager and the health list. */
export interface ChannelHealth {
  state: 'ok' | 'failing' | 'off';
  lastSentAt: string | null;
}

/** What the delivery loop needs. */
interface DeliveryOptions extends DrainTiming {
  db: Db;
  senders: Partial<Record<Channel, Sender>>;
  settings: NotifySettings;
  zone: () => string;
  /** Give up after this many failed attempts. */
  maxAttempts: number;
  log?: Logger;
  /** A channel turned ok or failing (first outcome, then each change). */
  onHealth?: (channel: Channel, ok: boolean) => void;
}

/**
 * Sends due notifications in rounds and records each round in one transaction. A message is
 * marked sent only after the far end accepted it; a crash in between sends it again under the
 * same key (the gateway's `idx` refuses the repeat as "already sent", the e-mail carries the
 * same Message-ID). Rounds run one after another, so a "called" queued behind an in-flight
 * "near" for the same client always leaves after it.
 */
export function notifyDelivery(o: DeliveryOptions) {
  const outbox = notifyOutbox(o.db);
  const contacts = contactRepo(o.db);
  const bookings = bookingRepo(o.db);
  const limiter = rateLimiter(o.settings.rate);
  const health: Record<Channel, ChannelHealth> = {
    sms: { state: o.senders.sms ? 'ok' : 'off', lastSentAt: null },
    email: { state: o.senders.email ? 'ok' : 'off', lastSentAt: null },
  };
  const reported: Partial<Record<Channel, boolean>> = {};
  const setHealth = (channel: Channel, ok: boolean) => {
    health[channel] = {
      state: ok ? 'ok' : 'failing',
      lastSentAt: ok ? o.now().toISOString() : health[channel].lastSentAt,
    };
    if (reported[channel] === ok) return;
    reported[channel] = ok;
    o.onHealth?.(channel, ok);
  };
  /** Why an item must not go (anymore), or null. */
  function stale(item: NotifyItem): string | null {
    if (item.kind === 'turn-near' && outbox.has(keyOf('called', item.ref, item.channel)))
      return 'already called';
    if (item.kind === 'booking-reminder') {
      const b = bookings.get(item.ref.slice('booking:'.length));
      if (!b || b.status !== 'booked') return `booking ${b?.status ?? 'gone'}`;
    }
    return null;
  }

  async function deliver(item: NotifyItem, signal: AbortSignal): Promise<NotifyResult> {
    const why = stale(item);
    if (why) return { id: item.id, state: 'dropped', error: why };
    const contact = contacts.one(item.ref, item.channel);
    if (!contact) return { id: item.id, state: 'dropped', error: 'no contact' };
    const sender = o.senders[item.channel];
    if (!sender) return { id: item.id, state: 'failed', error: `${item.channel} is off` };
    const now = o.now();
    if (item.kind === 'booking-reminder' && inQuietHours(now, o.settings.quietHours, o.zone())) {
      const at = afterQuietHours(now, o.settings.quietHours, o.zone());
      const retryAtMs = o.clockMs() + (at.getTime() - now.getTime());
      return { id: item.id, state: 'retry', retryAtMs, error: 'quiet hours', counts: false };
    }
    const wait = limiter.take(contact.address, o.clockMs());
    if (wait > 0)
      return {
        id: item.id,
        state: 'retry',
        retryAtMs: o.clockMs() + wait,
        error: 'rate limit',
        counts: false,
      };
    const msg = JSON.parse(item.payload ?? '{}') as RenderedMessage;
    try {
      await sender.send(
        { to: contact.address, lang: contact.lang, ...msg, idempotencyKey: item.idempotencyKey },
        signal,
      );
      setHealth(item.channel, true);
      return { id: item.id, state: 'sent', at: o.now().toISOString() };
    } catch (e) {
      // Only the code and a short message: an error text could carry the address.
      const error = `${item.channel}: ${(e as { code?: string }).code ?? 'error'}`;
      if (!sendRetryable(e) || item.attempts + 1 >= o.maxAttempts) {
        o.log?.warn({ notifyId: item.id, kind: item.kind, error }, 'notification failed for good');
        return { id: item.id, state: 'failed', error };
      }
      setHealth(item.channel, false);
      const retryAtMs = o.clockMs() + retryDelayMs(item.attempts + 1, o.backoff);
      return { id: item.id, state: 'retry', retryAtMs, error, counts: true };
    }
  }

  async function round(signal: AbortSignal): Promise<number> {
    const items = outbox.due(o.clockMs(), o.batchSize);
    if (items.length === 0) return 0;
    outbox.record(await mapPool(items, o.concurrency, (item) => deliver(item, signal)));
    return items.length;
  }

  const loop = drainLoop({
    round,
    nextDueMs: () => outbox.nextDueMs(),
    clockMs: () => o.clockMs(),
    onError: (err) => o.log?.error({ err }, 'notification round failed'),
    onIdle: () => limiter.sweep(o.clockMs()),
  });

  return {
    drainOnce: loop.drainOnce,
    wake: loop.wake,
    health: (): Record<Channel, ChannelHealth> => ({
      sms: { ...health.sms },
      email: { ...health.email },
    }),
    start: loop.start,
    /** Stops the loop; sends in flight are aborted (their rows stay pending). */
    stop: loop.stop,
  };
}
