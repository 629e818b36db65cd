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
/** PERCENTILE.INC of a spreadsheet: linear between the two nearest order statistics. */
function exact(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const rank = p * (s.length - 1);
  const lo = Math.floor(rank);
  return s[lo]! + (rank - lo) * ((s[lo + 1] ?? s[lo]!) - s[lo]!);
}
const totals = (values: number[]) => ({
  n: values.length,
  sum: values.reduce((a, v) => a + v, 0),
});

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
        expect(Math.abs(quantile(h, p)! - exact(values, p))).toBeLessThan(1);
        expect(Math.abs(quantile(h, p, totals(values))! - exact(values, p))).toBeLessThan(1);
      }
    }
  });

  it('answers null when empty and the lower edge of the overflow bucket', () => {
    expect(quantile(new Map(), 0.5)).toBeNull();
    expect(quantile(histOf([300, 500]), 0.9)).toBe(LAST_BUCKET);
  });

  it('gives a small sample its exact values: never above the largest, consistent with the mean', () => {
    // Session 6 saw one 0.1-min wait reported as median 0.5, p90 0.9 beside a mean of 0.1.
    expect(durationStats(1, 0.1, histOf([0.1]))).toEqual({
      n: 1,
      mean: 0.1,
      median: 0.1,
      p90: 0.1,
    });
    expect(durationStats(1, 7.8, histOf([7.8]))).toEqual({
      n: 1,
      mean: 7.8,
      median: 7.8,
      p90: 7.8,
    });
    // Two values in one bucket are placed exactly where their mean says: 0.1 and 0.3.
    expect(quantile(histOf([0.1, 0.3]), 0.5, totals([0.1, 0.3]))).toBeCloseTo(0.2);
    for (const values of [
      [0.1, 0.2, 0.3, 7.9],
      [2.95, 2.99, 3.01],
      [0.05, 0.06, 12.2, 12.3, 40],
    ]) {
      const h = histOf(values);
      const max = Math.max(...values);
      for (const p of [0.5, 0.9]) {
        const q = quantile(h, p, totals(values))!;
        expect(q).toBeLessThan(Math.floor(max) + 1);
        expect(Math.abs(q - exact(values, p))).toBeLessThan(1);
      }
    }
  });

  it('falls back to an even spread when the totals do not describe the histogram', () => {
    // The count differs (a histogram without some values): the sum cannot place them.
    expect(quantile(histOf([0.1]), 0.5, { n: 2, sum: 0.2 })).toBeCloseTo(0.5);
    // An overflow value's size is in the sum, not in the histogram.
    expect(quantile(histOf([0.1, 300]), 0, totals([0.1, 300]))).toBeCloseTo(0.5);
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
      median: 3,
      p90: 5.4,
    });
    expect(durationStats(0, 0, undefined)).toEqual({ n: 0, mean: null, median: null, p90: null });
  });
});
