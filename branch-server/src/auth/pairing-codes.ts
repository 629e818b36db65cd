import { randomBytes, randomInt } from 'node:crypto';
import { SkrError, type DeviceKind } from '@skr/protocol';
import type { DeviceCredential } from './auth-service';
import { tokenHash } from './tokens';

/** Letters and digits nobody confuses when reading them off a screen (no 0/O, 1/I/L, 5/S, 8/B). */
export const PAIRING_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY234679';
/** Characters of a pairing code (26^8 ≈ 2·10^11). */
const PAIRING_CODE_LENGTH = 8;

/** Bounds of the pairing desk. */
interface PairingOptions {
  now: () => Date;
  /** A code is valid this long; 5 minutes by default. */
  ttlMs?: number;
  /** Codes waiting at once, branch-wide; 20 by default (a hall has a few new screens a year). */
  maxPending?: number;
  /** New codes one address may ask for per minute; 5 by default. */
  perAddressPerMinute?: number;
  /** Wrong codes an admin may enter per minute before RATE_LIMITED; 10 by default. */
  wrongPerMinute?: number;
}

/** What a device gets when it asks to be paired. */
interface PairingTicket {
  /** Shown on the device's screen, typed by the admin (no token in a URL). */
  code: string;
  /** Kept by the device, never shown: only it can collect the credential (the code is public). */
  claim: string;
  expiresAt: string;
}

/** A device as the admin paired it, with its credential. */
interface PairedCredential extends DeviceCredential {
  id: string;
  kind: DeviceKind;
  name: string;
}

interface Pending {
  code: string;
  kind: DeviceKind;
  expires: number;
  /** Set once the admin approved; handed out once, then the entry is gone. */
  paired?: PairedCredential;
}

/** The code as typed: upper case, spaces and dashes ignored. */
function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * Pairing by a short code (issue 13): a device with no credential asks for a code and a claim
 * secret; the admin types the code in the manager's devices view and names the device; the
 * device, polling with its claim, receives its credential once. Codes are single use, expire
 * after a few minutes, and both asking and guessing are rate-limited. Kept in memory: a server
 * restart only makes waiting devices ask for a new code.
 */
export function pairingCodes(opts: PairingOptions) {
  const ttl = opts.ttlMs ?? 5 * 60_000;
  const maxPending = opts.maxPending ?? 20;
  const perAddress = opts.perAddressPerMinute ?? 5;
  const wrongMax = opts.wrongPerMinute ?? 10;
  const now = () => opts.now().getTime();
  /** By the hash of the claim secret (a leaked memory dump does not give claims away). */
  const pending = new Map<string, Pending>();
  const asked = new Map<string, number[]>();
  let wrong: number[] = [];

  const sweep = () => {
    const t = now();
    for (const [k, p] of pending) if (p.expires <= t) pending.delete(k);
    for (const [a, times] of asked) {
      const recent = times.filter((x) => t - x < 60_000);
      if (recent.length === 0) asked.delete(a);
      else asked.set(a, recent);
    }
    wrong = wrong.filter((x) => t - x < 60_000);
  };
  const findCode = (code: string) => {
    for (const [k, p] of pending) if (p.code === code && !p.paired) return [k, p] as const;
    return undefined;
  };
  const newCode = (): string => {
    for (;;) {
      let code = '';
      for (let i = 0; i < PAIRING_CODE_LENGTH; i++)
        code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
      if (!findCode(code)) return code;
    }
  };

  return {
    /** A new code for a device at `address`; RATE_LIMITED past the per-address or branch bound. */
    start(address: string, kind: DeviceKind): PairingTicket {
      sweep();
      const times = asked.get(address) ?? [];
      if (times.length >= perAddress || pending.size >= maxPending)
        throw new SkrError('RATE_LIMITED', 'too many pairing codes asked for; wait a minute');
      asked.set(address, [...times, now()]);
      const code = newCode();
      const claim = randomBytes(32).toString('base64url');
      const expires = now() + ttl;
      pending.set(tokenHash(claim), { code, kind, expires });
      return { code, claim, expiresAt: new Date(expires).toISOString() };
    },

    /**
     * The admin's step: the device that shows `typed`, and what kind it asked to be. NOT_FOUND
     * for an unknown, used or expired code (counted: RATE_LIMITED after too many a minute).
     */
    find(typed: string): { code: string; kind: DeviceKind } {
      sweep();
      if (wrong.length >= wrongMax)
        throw new SkrError('RATE_LIMITED', 'too many wrong pairing codes; wait a minute');
      const hit = findCode(normalizeCode(typed));
      if (!hit) {
        wrong.push(now());
        throw new SkrError('NOT_FOUND', 'no device shows this code (expired or already used)');
      }
      return { code: hit[1].code, kind: hit[1].kind };
    },

    /** Attaches the credential the admin created to the waiting device (after `find`). */
    approve(code: string, paired: PairedCredential): void {
      const hit = findCode(code);
      if (!hit) throw new SkrError('NOT_FOUND', 'the pairing code expired meanwhile');
      hit[1].paired = paired;
    },

    /**
     * The device's poll: its credential once the admin approved (then the claim is used up),
     * null while waiting, NOT_FOUND when expired or unknown (ask for a new code).
     */
    collect(claim: string): PairedCredential | null {
      sweep();
      const key = tokenHash(claim);
      const p = pending.get(key);
      if (!p) throw new SkrError('NOT_FOUND', 'pairing expired; ask for a new code');
      if (!p.paired) return null;
      pending.delete(key);
      return p.paired;
    },
  };
}
