import { createHash } from 'node:crypto';
import { SkrError } from '@skr/protocol';
import type { OutgoingMessage, Sender } from './sender';

/** How the branch reaches its SMS gateway (SMSAPI-style `sms.do`). */
export interface SmsGatewayOptions {
  /** The API base, e.g. https://api.smsapi.pl (SKR_SMS_URL); `/sms.do` is appended. */
  url: string;
  /** OAuth bearer token (SKR_SMS_TOKEN). */
  token: string;
  /** Sender name registered with the gateway. */
  from?: string;
  /** Ask the gateway to strip diacritics too (`normalize=1`); the text is already GSM-7 then. */
  normalize?: boolean;
  timeoutMs?: number;
}

/** The gateway's duplicate-`idx` error: the message under this key was accepted before. */
const SMS_DUPLICATE_IDX = 53;
// SMSAPI-style error codes that no retry can fix: bad request, number, sender, credentials.
const PERMANENT_ERRORS = new Set([8, 11, 13, 14, 101, 102, 103, 105]);

/** The `idx` the gateway deduplicates on (with check_idx=1): a hash, so no ticket id leaves. */
export function smsIdx(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/**
 * SMS through an SMSAPI-style HTTP gateway: POST form `to, message, from, encoding, normalize,
 * idx, check_idx, format=json` with a bearer token. A repeated `idx` answers error 53, which
 * means "already sent" and counts as success: that is what makes a resend after a crash safe.
 */
export function smsGateway(o: SmsGatewayOptions): Sender {
  const endpoint = `${o.url.replace(/\/$/, '')}/sms.do`;
  return {
    channel: 'sms',
    async send(m: OutgoingMessage, signal?: AbortSignal) {
      const idx = smsIdx(m.idempotencyKey);
      const form = new URLSearchParams({
        to: m.to.replace(/[\s-]/g, ''),
        message: m.text,
        encoding: 'utf-8',
        format: 'json',
        idx,
        check_idx: '1',
        ...(o.from ? { from: o.from } : {}),
        ...(o.normalize ? { normalize: '1' } : {}),
      });
      const timeout = AbortSignal.timeout(o.timeoutMs ?? 10_000);
      let res: Response;
      try {
        res = await fetch(endpoint, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${o.token}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: form,
          signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
        });
      } catch (e) {
        const code = (e as Error).name === 'TimeoutError' ? 'TIMEOUT' : 'DISCONNECTED';
        throw new SkrError(code, `sms gateway: ${code.toLowerCase()}`, { cause: e });
      }
      const body = (await res.json().catch(() => null)) as {
        error?: number;
        message?: string;
        list?: { id: string }[];
      } | null;
      if (res.status === 429) throw new SkrError('RATE_LIMITED', 'sms gateway: throttled');
      if (res.status >= 500 || body === null)
        throw new SkrError('UNAVAILABLE', `sms gateway: HTTP ${res.status}`);
      if (body.error === SMS_DUPLICATE_IDX) return { id: `idx:${idx}` };
      if (body.error !== undefined) {
        const code = PERMANENT_ERRORS.has(body.error) ? 'INVALID' : 'UNAVAILABLE';
        throw new SkrError(code, `sms gateway: error ${body.error}`, { status: res.status });
      }
      if (res.status === 401 || res.status === 403)
        throw new SkrError('UNAUTHORIZED', 'sms gateway: token refused');
      const id = body.list?.[0]?.id;
      if (!id) throw new SkrError('UNAVAILABLE', 'sms gateway: no message id in the answer');
      return { id };
    },
    async close() {},
  };
}
