import type { DurationStats } from '@skr/protocol/manager';
import { LAST_BUCKET } from '../store/stats-buckets';

/** Width of a histogram bucket in minutes; the last bucket holds everything longer. */
const BUCKET_MINUTES = 1;
export { LAST_BUCKET };

/** Bucket number → count. */
export type Histogram = Map<number, number>;

/** Adds `n` to a bucket. */
export function addToHistogram(h: Histogram, bucket: number, n: number): void {
  h.set(bucket, (h.get(bucket) ?? 0) + n);
}

/** Sums histograms bucket by bucket. */
export function mergeHistograms(hs: Iterable<Histogram>): Histogram {
  const out: Histogram = new Map();
  for (const h of hs) for (const [b, n] of h) addToHistogram(out, b, n);
  return out;
}

/** What is known exactly besides the histogram: how many values and their total, in minutes. */
export interface ExactTotals {
  n: number;
  sum: number;
}

/**
 * The mean position of the values inside their 1-minute buckets (0 = on the lower edges), from
 * the exact total; 0.5 (evenly spread) when the total cannot tell: it does not match the
 * histogram's count, or values sit in the overflow bucket, whose sizes the total mixes in.
 */
function meanOffset(buckets: [number, number][], total: number, exact?: ExactTotals): number {
  if (!exact || exact.n !== total || buckets.some(([b]) => b >= LAST_BUCKET)) return 0.5;
  const edges = buckets.reduce((s, [b, n]) => s + b * n, 0);
  return Math.min(1, Math.max(0, (exact.sum - edges) / total));
}

/**
 * The p-quantile (0 ≤ p ≤ 1) as a spreadsheet's PERCENTILE.INC (and MEDIAN) would compute it
 * from the values a 1-minute histogram holds. Each value is placed inside its bucket, k values
 * evenly at (i + ½)/k, the spread shifted so the placed values have the exact mean when
 * `exact` is given: one value is then the exact value (a lone 0.1-min wait has median 0.1, not
 * 0.5), and any answer lies within one minute of the exact quantile. The overflow bucket
 * answers its lower edge (LAST_BUCKET). Null when empty.
 */
export function quantile(h: Histogram, p: number, exact?: ExactTotals): number | null {
  const buckets = [...h.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const f = meanOffset(buckets, total, exact);
  // The j-th smallest value (0-based), placed inside its bucket.
  const value = (j: number): number => {
    let before = 0;
    for (const [b, n] of buckets) {
      if (j < before + n) {
        if (b >= LAST_BUCKET) return LAST_BUCKET;
        const u = (j - before + 0.5) / n;
        // Maps the even spread (mean ½) linearly onto [0, 2f) or (2f − 1, 1]: mean f.
        return b + (f <= 0.5 ? 2 * f * u : 1 - 2 * (1 - f) * (1 - u)) * BUCKET_MINUTES;
      }
      before += n;
    }
    return buckets[buckets.length - 1]![0];
  };
  const rank = p * (total - 1);
  const lo = Math.floor(rank);
  const low = value(lo);
  return rank === lo ? low : low + (rank - lo) * (value(lo + 1) - low);
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** Mean (exact, from the sum), median and 90th percentile (histogram and sum), in minutes. */
export function durationStats(n: number, sum: number, h: Histogram | undefined): DurationStats {
  return {
    n,
    mean: n > 0 ? round1(sum / n) : null,
    median: h ? round1(quantile(h, 0.5, { n, sum })) : null,
    p90: h ? round1(quantile(h, 0.9, { n, sum })) : null,
  };
}
