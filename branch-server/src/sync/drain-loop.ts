// The one delivery loop of the branch's two outboxes (portal sync and client notifications):
// rounds of due rows, never two rounds at once, sleeping until the next row falls due (at most
// 1 s, so a row queued by another process is not missed), woken early when a row is queued.
import { retryDelayMs, type BackoffPolicy } from './backoff';

/** Runs `fn` over `items` with at most `n` at a time, keeping the order of results. */
export async function mapPool<T, R>(
  items: readonly T[],
  n: number,
  fn: (t: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const k = next++;
      out[k] = await fn(items[k]!);
    }
  });
  await Promise.all(lanes);
  return out;
}

/** `fn`, with each call starting only after the previous call settled (fulfilled or not). */
function serialized<T>(fn: () => Promise<T>): () => Promise<T> {
  let chain: Promise<unknown> = Promise.resolve();
  return () => {
    const p = chain.then(fn, fn);
    chain = p.catch(() => undefined);
    return p;
  };
}

/** The timing knobs every outbox's delivery takes (portal sync and client notifications). */
export interface DrainTiming {
  now: () => Date;
  /** Scheduling clock in ms (real time even when tests fix `now`). */
  clockMs: () => number;
  /** When a failed row is tried again. */
  backoff: BackoffPolicy;
  /** Deliveries in flight at once. */
  concurrency: number;
  /** Rows taken per round; their results are recorded in one transaction. */
  batchSize: number;
}

/** What a drain loop runs. */
interface DrainLoopOptions {
  /** Delivers one round of due rows (aborted by `stop`); resolves to how many it tried. */
  round(signal: AbortSignal): Promise<number>;
  /** When the next pending row falls due (on `clockMs`), or undefined when none is pending. */
  nextDueMs(): number | undefined;
  clockMs(): number;
  /**
   * A round threw (the loop goes on after a back-off): called once when rounds start failing,
   * not for every failed round, so a full disk does not also flood the log.
   */
  onError(err: unknown): void;
  /** Rounds work again after `failedRounds` failed ones. */
  onRecover?(failedRounds: number): void;
  /** Pause after failed rounds: doubling from baseMs up to capMs. Default 1 s → 60 s. */
  errorBackoff?: BackoffPolicy;
  /** Before sleeping after a round that found nothing due. */
  onIdle?(): void;
}

/** Default pause after failed rounds (a storage fault is local: no jitter needed). */
const defaultErrorBackoff: BackoffPolicy = { baseMs: 1000, capMs: 60_000 };

/** A loop draining an outbox; `drainOnce` may also be called directly (rounds never overlap). */
export function drainLoop(o: DrainLoopOptions) {
  let running = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  let stopping = new AbortController();
  // Two rounds taking the same due row would send it twice.
  const drainOnce = serialized(() => o.round(stopping.signal));

  // Consecutive failed rounds (a full disk, an I/O error): the loop backs off while > 0.
  let failures = 0;

  /** One round; answers how long to sleep before the next (undefined: go on at once). */
  async function step(): Promise<number | undefined> {
    try {
      const tried = await drainOnce();
      if (failures > 0) o.onRecover?.(failures);
      failures = 0;
      if (tried > 0) return undefined;
      o.onIdle?.();
      const next = o.nextDueMs();
      return next === undefined ? 1000 : Math.min(1000, Math.max(0, next - o.clockMs()));
    } catch (err) {
      if (failures === 0) o.onError(err);
      failures += 1;
      // Capped exponential, not every second: a round that fails at once would otherwise spin.
      return retryDelayMs(failures, o.errorBackoff ?? defaultErrorBackoff, () => 1);
    }
  }

  async function run(): Promise<void> {
    while (running) {
      const wait = await step();
      if (!running) break;
      if (wait === undefined) continue;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, wait);
        wakeUp = () => {
          clearTimeout(t);
          resolve();
        };
      });
      wakeUp = undefined;
    }
  }

  return {
    drainOnce,
    /** Consecutive failed rounds (0 after a round that worked). */
    failures: () => failures,
    /** Ends the current sleep: a row was queued or became due early. */
    wake: (): void => wakeUp?.(),
    start(): void {
      if (running) return;
      running = true;
      stopping = new AbortController();
      loop = run();
    },
    /** Stops the loop; deliveries in flight are aborted (their rows stay pending). */
    async stop(): Promise<void> {
      running = false;
      stopping.abort();
      wakeUp?.();
      await loop;
    },
  };
}
