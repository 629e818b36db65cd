import { percentile } from '../src/sim/stats';

/** Percentile (nearest rank): the simulator's own, so benches and the soak measure alike. */
export { percentile };

/** p50/p99/max of samples, rounded to 0.01 ms. */
export function summary(samples: readonly number[]) {
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    n: samples.length,
    p50: r(percentile(samples, 50)),
    p99: r(percentile(samples, 99)),
    max: r(Math.max(...samples)),
  };
}
