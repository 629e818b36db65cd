// A device's own credential: pairing by a code shown on the device, and renewal before it
// expires. Shared by the display board (browser) and the kiosk host (Node), so both pair and
// refresh the same way (issue 13).
import { z } from 'zod';
import type { DeviceKind } from '../http';
import { isSkrError } from '../errors';
import type { BranchApi } from '../routes/branch';
import type { ApiClient } from './create-client';

/** What a device keeps: its token, and when to renew it (absent for old, token-only stores). */
export const StoredCredential = z.object({
  token: z.string().min(1),
  expiresAt: z.string().optional(),
  refreshAfter: z.string().optional(),
});
export type StoredCredential = z.infer<typeof StoredCredential>;

/** The code to show while waiting for the admin. */
export interface ShownCode {
  code: string;
  expiresAt: string;
}

/** How to wait (tests pass a fast one); rejects with the signal's reason when aborted. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** Options of {@link pairByCode}. */
export interface PairByCodeOptions {
  kind: DeviceKind;
  /** Called with each code to show (a new one when the last expired unused). */
  onCode(code: ShownCode): void;
  signal?: AbortSignal;
  /** Wait after a failed attempt (branch down, asked too often); 5 s by default. */
  retryMs?: number;
  sleep?: Sleep;
}

/**
 * Pairs this device by code: asks the branch for a code, shows it (`onCode`), and polls with
 * its claim secret until the admin typed the code in the manager's devices view; resolves with
 * the device's credential. An expired code is replaced by a new one; a branch that cannot be
 * reached is asked again. Only `signal` stops it.
 */
export async function pairByCode(
  api: ApiClient<BranchApi>,
  opts: PairByCodeOptions,
): Promise<StoredCredential> {
  const sleep = opts.sleep ?? realSleep;
  const retryMs = opts.retryMs ?? 5000;
  for (;;) {
    opts.signal?.throwIfAborted();
    let ticket;
    try {
      ticket = await api.call('startPairing', { body: { kind: opts.kind }, signal: opts.signal });
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      await sleep(retryMs, opts.signal);
      continue;
    }
    opts.onCode({ code: ticket.code, expiresAt: ticket.expiresAt });
    for (;;) {
      await sleep(ticket.pollMs, opts.signal);
      let answer;
      try {
        answer = await api.call('claimPairing', {
          body: { claim: ticket.claim },
          signal: opts.signal,
        });
      } catch (e) {
        if (opts.signal?.aborted) throw e;
        if (isSkrError(e, 'NOT_FOUND')) break; // expired: a new code
        continue; // the branch restarting or unreachable: keep polling
      }
      if (answer.state === 'paired')
        return {
          token: answer.token,
          expiresAt: answer.expiresAt,
          refreshAfter: answer.refreshAfter,
        };
    }
  }
}

/** Options of {@link keepCredentialFresh}. */
export interface KeepFreshOptions {
  /** The credential now in use (read before every renewal). */
  current(): StoredCredential;
  /** Stores the renewed credential (localStorage, a 0600 file); the old one works 10 min more. */
  save(next: StoredCredential): void | Promise<void>;
  /** The branch refused the credential (revoked or expired): pair again. */
  onRefused(): void;
  /** Renews `token`: `POST /api/v1/devices/refresh`. */
  refresh(token: string): Promise<StoredCredential>;
  now?: () => number;
  /** Wait after a failed renewal (branch down); 60 s by default. */
  retryMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

// setTimeout fires at once past 2^31-1 ms (~24.8 days); a 20-day wait is taken in steps.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Renews the device's credential at its `refreshAfter` (at once when that has passed or is
 * unknown) and again before each new one expires; retries a failed renewal every `retryMs`;
 * on UNAUTHORIZED or FORBIDDEN stops and calls `onRefused` (revocation stays immediate).
 * Returns a function that stops it.
 */
export function keepCredentialFresh(opts: KeepFreshOptions): () => void {
  const now = opts.now ?? Date.now;
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let timer: unknown;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimer(() => void tick(), Math.max(0, Math.min(ms, MAX_TIMER_MS)));
  };
  const due = () => {
    const at = opts.current().refreshAfter;
    return at ? Date.parse(at) - now() : 0;
  };
  async function tick(): Promise<void> {
    if (stopped) return;
    const wait = due();
    if (wait > 0) return schedule(wait);
    try {
      const next = await opts.refresh(opts.current().token);
      if (stopped) return;
      await opts.save(next);
      schedule(due());
    } catch (e) {
      if (stopped) return;
      if (isSkrError(e, 'UNAUTHORIZED') || isSkrError(e, 'FORBIDDEN')) {
        stopped = true;
        opts.onRefused();
        return;
      }
      schedule(opts.retryMs ?? 60_000);
    }
  }
  schedule(due());
  return () => {
    stopped = true;
    clearTimer(timer);
  };
}
