import { afterEach, describe, expect, it, vi } from 'vitest';
import { drainLoop } from './drain-loop';

afterEach(() => {
  vi.useRealTimers();
});

describe('drainLoop on a failing round (a full disk)', () => {
  it('backs off exponentially up to the cap and reports the fault once, then the recovery once', async () => {
    vi.useFakeTimers();
    let broken = true;
    let rounds = 0;
    const errors: unknown[] = [];
    const recovered: number[] = [];
    const loop = drainLoop({
      round: () => {
        rounds += 1;
        return broken ? Promise.reject(new Error('SQLITE_FULL')) : Promise.resolve(0);
      },
      // A row is always due: without a back-off the loop would spin on the failing round.
      nextDueMs: () => (broken ? 0 : undefined),
      clockMs: () => Date.now(),
      onError: (e) => errors.push(e),
      onRecover: (n) => recovered.push(n),
      errorBackoff: { baseMs: 1000, capMs: 8000 },
    });
    loop.start();
    // Rounds at 0, 1, 3, 7, 15, 23, 31, 39, 47, 55 s: doubling, then every 8 s (the cap).
    await vi.advanceTimersByTimeAsync(60_000);
    expect(rounds).toBe(10);
    expect(loop.failures()).toBe(10);
    expect(errors).toHaveLength(1);
    broken = false;
    await vi.advanceTimersByTimeAsync(8000);
    expect(recovered).toEqual([10]);
    expect(loop.failures()).toBe(0);
    const before = rounds;
    // Working again: idle rounds every second at most (nothing due waits up to 1 s).
    await vi.advanceTimersByTimeAsync(5000);
    expect(rounds - before).toBeGreaterThanOrEqual(4);
    expect(errors).toHaveLength(1);
    await loop.stop();
  });
});
