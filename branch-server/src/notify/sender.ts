import { isSkrError, type Lang } from '@skr/protocol';
import type { Channel } from './types';

/** One message for one address, under the key that makes a resend recognisable. */
export interface OutgoingMessage {
  to: string;
  lang: Lang;
  subject: string;
  text: string;
  ics?: string;
  /** Stable per event per client: the SMTP Message-ID, the gateway's `idx`. */
  idempotencyKey: string;
}

/**
 * A channel's transport. `send` resolves once the far end accepted the message (or said it had
 * it already under the same key); rejects with an SkrError whose code says whether to retry.
 */
export interface Sender {
  channel: Channel;
  send(m: OutgoingMessage, signal?: AbortSignal): Promise<{ id: string }>;
  close(): Promise<void>;
}

const PERMANENT = ['INVALID', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'];

/** True when a failed send may succeed later (network, timeout, throttling, 5xx). */
export function sendRetryable(e: unknown): boolean {
  return !isSkrError(e) || !PERMANENT.includes(e.code);
}
