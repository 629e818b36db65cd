// What every use case receives: the database, the clock and the settings. Passing the clock
// in (never calling `new Date()` inside a use case) lets tests move time past expiries.
import type { Db } from './db';

/** Settings and dependencies shared by the emulator's use cases. */
export interface PueContext {
  db: Db;
  now: () => Date;
  /** Trusted ID-card issuing CA certificates, PEM. */
  caCertsPem: string[];
  /** branchId → the `x-branch-key` that branch sends. */
  branchKeys: Record<string, string>;
  sessionTtlMs: number;
  loginAttemptTtlMs: number;
  cardChallengeTtlMs: number;
  /** Wrong codes allowed before a password login attempt is void. */
  maxCodeTries: number;
  /** Called for every message put in the outbox (the demo prints it as the "phone"). */
  onOutboxMessage?: (message: { channel: string; to: string; text: string }) => void;
  /** Branch deliveries so far, replays (same key again) included: how hard the outbox tried. */
  deliveries: { received: number; replays: number };
}

/** `now()` as an ISO string in UTC. */
export function nowIso(ctx: PueContext): string {
  return ctx.now().toISOString();
}

/** `now() + ms` as an ISO string in UTC. */
export function isoIn(ctx: PueContext, ms: number): string {
  return new Date(ctx.now().getTime() + ms).toISOString();
}
