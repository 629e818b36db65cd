// Sliding-window limits on what leaves the branch: per address (a client is not flooded, a
// typo'd number does not cost the branch) and per branch (the gateway contract's ceiling).

/** The limits in force. */
export interface RateLimits {
  /** Messages to one address per hour. */
  perAddressPerHour: number;
  /** Messages the branch sends per second, all channels. */
  perSecond: number;
}

/** A limiter answering, for a send at `nowMs`, 0 (go) or the ms to wait. */
export function rateLimiter(limits: RateLimits) {
  const byAddress = new Map<string, number[]>();
  let branch: number[] = [];
  const trim = (xs: number[], since: number) => {
    let i = 0;
    while (i < xs.length && xs[i]! <= since) i += 1;
    return i === 0 ? xs : xs.slice(i);
  };
  return {
    /** Takes a slot for `address` when free (answers 0), else how long until one frees. */
    take(address: string, nowMs: number): number {
      branch = trim(branch, nowMs - 1000);
      if (branch.length >= limits.perSecond) return branch[0]! + 1000 - nowMs + 1;
      const mine = trim(byAddress.get(address) ?? [], nowMs - 3_600_000);
      if (mine.length >= limits.perAddressPerHour) {
        byAddress.set(address, mine);
        return mine[0]! + 3_600_000 - nowMs + 1;
      }
      mine.push(nowMs);
      byAddress.set(address, mine);
      branch.push(nowMs);
      return 0;
    },
    /** Forgets addresses with no send in the last hour (they are personal data too). */
    sweep(nowMs: number): void {
      for (const [a, xs] of byAddress)
        if (trim(xs, nowMs - 3_600_000).length === 0) byAddress.delete(a);
    },
  };
}
