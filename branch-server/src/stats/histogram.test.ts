import { describe, expect, it } from 'vitest';
import { durationStats, LAST_BUCKET, mergeHistograms, quantile, type Histogram } from './histogram';

function histOf(values: number[]): Histogram {
  const h: Histogram = new Map();
  for (const v of values) {
    const b = Math.min(LAST_BUCKET, Math.floor(v));
    h.set(b, (h.get(b) ?? 0) + 1);
  }
  return h;
}
function exact(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)]!;
}

describe('histogram quantiles', () => {
  it('stay within one minute of the exact quantile', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let run = 0; run < 50; run += 1) {
      const values = Array.from(
        { length: 1 + Math.floor(random() * 400) },
        () => -Math.log(1 - random()) * 12,
      );
      const h = histOf(values);
      for (const p of [0.5, 0.9]) {
        expect(Math.abs(quantile(h, p)! - exact(values, p))).toBeLessThanOrEqual(1);
      }
    }
  });

  it('answers null when empty and the lower edge of the overflow bucket', () => {
    expect(quantile(new Map(), 0.5)).toBeNull();
    expect(quantile(histOf([300, 500]), 0.9)).toBe(LAST_BUCKET);
  });

  it('interpolates inside a bucket', () => {
    // Ten values in [4, 5): the median lies halfway through.
    expect(quantile(new Map([[4, 10]]), 0.5)).toBeCloseTo(4.5);
  });

  it('merges bucket by bucket and keeps the mean exact', () => {
    const m = mergeHistograms([
      new Map([[1, 2]]),
      new Map([
        [1, 3],
        [7, 1],
      ]),
    ]);
    expect([...m.entries()].sort()).toEqual([
      [1, 5],
      [7, 1],
    ]);
    expect(durationStats(3, 10, histOf([1, 3, 6]))).toEqual({
      n: 3,
      mean: 3.3,
      median: 3.5,
      p90: 6.7,
    });
    expect(durationStats(0, 0, undefined)).toEqual({ n: 0, mean: null, median: null, p90: null });
  });
});
