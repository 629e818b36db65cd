import { isSkrError } from '@skr/protocol/errors';
import type { BranchClient } from './branch-client';

/** A component of the kiosk the branch is told about. */
type KioskComponent = 'printer' | 'card-reader';

/** One health report as the branch's `reportDeviceStatus` route takes it. */
export interface HealthReport {
  component: KioskComponent;
  ok: boolean;
  code?: string;
  message?: string;
}

/** Tells the branch when a kiosk component breaks or recovers, once per change. */
export interface HealthReporter {
  report(r: HealthReport): void;
  /** Resolves when every pending report was delivered (or failed for now). */
  flush(): Promise<void>;
  close(): void;
}

/**
 * Sends a report only when the component's state changed; a report the branch did not take
 * (server restarting) is retried every `retryMs` until it lands or a newer one replaces it.
 */
export function createHealthReporter(branch: BranchClient, retryMs = 3000): HealthReporter {
  const sent = new Map<KioskComponent, string>();
  const pending = new Map<KioskComponent, HealthReport>();
  let inFlight: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const key = (r: HealthReport) => `${r.ok}:${r.code ?? ''}`;

  function drain(): Promise<void> {
    inFlight = inFlight.then(async () => {
      for (const [component, r] of [...pending]) {
        if (closed) return;
        try {
          await branch.call('reportDeviceStatus', { body: r }).catch((e: unknown) => {
            // 4xx (e.g. route missing on an older server) will not get better by retrying.
            if (!(isSkrError(e) && e.status !== undefined && e.status < 500)) throw e;
          });
          if (pending.get(component) === r) pending.delete(component);
          sent.set(component, key(r));
        } catch {
          if (!timer && !closed)
            timer = setTimeout(() => {
              timer = null;
              void drain();
            }, retryMs);
        }
      }
    });
    return inFlight;
  }

  return {
    report(r) {
      if (closed) return;
      const last = pending.get(r.component);
      if ((last ? key(last) : sent.get(r.component)) === key(r)) return;
      // The first report is sent even when healthy: it clears an alert left by a previous run.
      pending.set(r.component, r);
      void drain();
    },
    flush: () => drain(),
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  };
}
