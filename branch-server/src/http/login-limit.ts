import { SkrError } from '@skr/protocol';

/** Limits of `createLoginLimiter`, as failed attempts per window. */
export interface LoginLimits {
  /** Failed logins one address may make, whatever user names it tries. */
  perAddress: number;
  /** Failed logins the whole branch accepts: many addresses cannot add up to a flood. */
  global: number;
  windowMs: number;
  now?: () => number;
}

/**
 * The limits besides the per-user one (issue 13): random user names from one address, or
 * from many, cannot make the server run more password hashes than these allow. Only failures
 * count, so staff who type their password right are not slowed by a busy morning.
 */
export function createLoginLimiter(limits: LoginLimits) {
  const now = limits.now ?? Date.now;
  let windowStart = now();
  let global = 0;
  const byAddress = new Map<string, number>();
  const roll = () => {
    if (now() - windowStart < limits.windowMs) return;
    windowStart = now();
    global = 0;
    byAddress.clear();
  };
  return {
    /** Throws RATE_LIMITED when `address` or the branch used up its failures; before hashing. */
    check(address: string): void {
      roll();
      if (global >= limits.global || (byAddress.get(address) ?? 0) >= limits.perAddress)
        throw new SkrError('RATE_LIMITED', 'too many failed logins, try again in a minute');
    },
    /** Counts a failed login of `address`. */
    failed(address: string): void {
      roll();
      global++;
      byAddress.set(address, (byAddress.get(address) ?? 0) + 1);
    },
  };
}
