import type { PublicBranchStatus } from '@skr/protocol/public-status';
import type { Logger } from 'pino';
import type { PortalClient } from './portal-client';

/** How often the branch tells the portal its public status. */
const STATUS_PUSH_MS = 60_000;

/**
 * Sends the branch's public status to the portal every minute (the national page "kolejki w
 * placówkach"). Latest wins, so nothing is queued: a push that fails is simply replaced by the
 * next one, and the portal shows how old each branch's status is. Failures are logged once per
 * change of state, not once a minute.
 */
export function statusPusher(o: {
  portal: PortalClient;
  status: () => PublicBranchStatus;
  intervalMs?: number;
  log?: Logger;
}) {
  let timer: NodeJS.Timeout | undefined;
  let failing = false;
  let aborter = new AbortController();

  async function pushOnce(): Promise<boolean> {
    try {
      await o.portal.call({
        method: 'PUT',
        path: o.portal.branchPath('/status'),
        body: o.status(),
        asBranch: true,
        signal: aborter.signal,
      });
      if (failing) o.log?.info('status push works again');
      failing = false;
      return true;
    } catch (err) {
      if (!failing) o.log?.warn({ err }, 'status push failed; retried every minute');
      failing = true;
      return false;
    }
  }

  return {
    pushOnce,
    start(): void {
      if (timer) return;
      aborter = new AbortController();
      const tick = () => {
        void pushOnce().finally(() => {
          if (timer) timer = setTimeout(tick, o.intervalMs ?? STATUS_PUSH_MS).unref();
        });
      };
      timer = setTimeout(tick, 0).unref();
    },
    stop(): void {
      clearTimeout(timer);
      timer = undefined;
      aborter.abort();
    },
  };
}
