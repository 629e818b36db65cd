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

/**
 * The p-quantile (0 < p ≤ 1) of a 1-minute histogram, interpolating linearly inside the
 * bucket that holds rank p·n: within one minute of the exact value (the overflow bucket
 * answers its lower edge, LAST_BUCKET min). Null when empty.
 */
export function quantile(h: Histogram, p: number): number | null {
  const buckets = [...h.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const rank = p * total;
  let before = 0;
  for (const [b, n] of buckets) {
    if (before + n >= rank) {
      if (b >= LAST_BUCKET) return LAST_BUCKET;
      return b + ((rank - before) / n) * BUCKET_MINUTES;
    }
    before += n;
  }
  return buckets[buckets.length - 1]![0];
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** Mean (exact, from the sum), median and 90th percentile (from the histogram), in minutes. */
export function durationStats(n: number, sum: number, h: Histogram | undefined): DurationStats {
  return {
    n,
    mean: n > 0 ? round1(sum / n) : null,
    median: h ? round1(quantile(h, 0.5)) : null,
    p90: h ? round1(quantile(h, 0.9)) : null,
  };
}
