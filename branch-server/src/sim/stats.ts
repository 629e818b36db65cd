/** Percentile (nearest rank) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

/** Arithmetic mean; NaN for none. */
export function mean(samples: readonly number[]): number {
  if (samples.length === 0) return NaN;
  return samples.reduce((a, b) => a + b, 0) / samples.length;
}

/** Rounds to `digits` decimals (figures for tables). */
export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Count, p50, p90, p99 and max of samples, rounded: how every figure of the suite is printed. */
export function percentiles(samples: readonly number[], digits = 1) {
  return {
    n: samples.length,
    p50: round(percentile(samples, 50), digits),
    p90: round(percentile(samples, 90), digits),
    p99: round(percentile(samples, 99), digits),
    max: round(samples.length ? samples.reduce((a, b) => Math.max(a, b), -Infinity) : NaN, digits),
  };
}
