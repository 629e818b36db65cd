import { PueBookingChanges } from '@skr/protocol';
import type { PortalClient } from './portal-client';
import { BOOKING_KEYS, type SyncStateRepo } from './sync-state';

/** Feed page size; the portal allows up to 1000. */
const PAGE = 500;

/** Where the pulled pages go: the branch's use cases, through its one write pipeline. */
export interface BookingFeedSink {
  /** Writes one page with its cursor in one change; answers how many bookings it changed. */
  applyBookingPage(page: PueBookingChanges): number;
  /** Drops cached visits long past (after a pull). */
  pruneBookingCache(): void;
}

/**
 * Incremental pull of the branch's bookings: asks the portal for changes after the stored
 * cursor, page by page, and hands each page to the branch, which commits it with the new
 * cursor as one change (a crash between pages re-reads at most one page; replays are ignored
 * by version). Only a failure's message is written here, as the sync's own status.
 */
export function bookingPuller(
  portal: PortalClient,
  state: SyncStateRepo,
  sink: () => BookingFeedSink | undefined,
) {
  /** Pulls until the portal has no more changes; returns how many rows changed. */
  async function pull(signal?: AbortSignal): Promise<number> {
    const branch = sink();
    if (!branch) throw new Error('booking pull: no branch attached to the sync yet');
    let changed = 0;
    for (;;) {
      const since = state.get(BOOKING_KEYS.cursor);
      const q = `?limit=${PAGE}${since === null ? '' : `&since=${encodeURIComponent(since)}`}`;
      let page: PueBookingChanges;
      try {
        const res = await portal.call({
          method: 'GET',
          path: portal.branchPath(`/bookings${q}`),
          asBranch: true,
          signal,
        });
        page = PueBookingChanges.parse(res.body);
      } catch (e) {
        state.set(BOOKING_KEYS.lastError, (e as Error).message);
        throw e;
      }
      changed += branch.applyBookingPage(page);
      if (!page.hasMore) break;
    }
    branch.pruneBookingCache();
    return changed;
  }
  return { pull };
}
