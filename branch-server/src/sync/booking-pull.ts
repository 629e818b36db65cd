import { PueBookingChanges } from '@skr/protocol';
import { localDay } from '@skr/protocol/time-zone';
import { calendarStore } from '../app/use-cases/calendar-store';
import type { Db } from '../store';
import { mergeBooking, type CachedBooking, type MergedBooking } from './booking-merge';
import { peselHasher } from './pesel-hash';
import type { PortalClient } from './portal-client';
import type { SyncStateRepo } from './sync-state';

/** Feed page size; the portal allows up to 1000. */
const PAGE = 500;

/** Keys of the pull's state in sync_state. */
export const BOOKING_KEYS = {
  cursor: 'bookings.cursor',
  lastPullAt: 'bookings.lastPullAt',
  lastError: 'bookings.lastError',
} as const;

/**
 * Incremental pull of the branch's bookings: asks the portal for changes after the stored
 * cursor, page by page, and writes each page and the new cursor in one transaction, so a crash
 * between pages re-reads at most one page (and replays are ignored by version).
 * The feed's PESEL is kept only as the branch's keyed hash (for ID-card check-in), and only
 * until the visit is 36 h past.
 */
export function bookingPuller(
  db: Db,
  portal: PortalClient,
  state: SyncStateRepo,
  timeZone: string,
) {
  const get = db.prepare(
    `SELECT code, service_id AS serviceId, booked_for AS bookedFor, status, ticket_id AS ticketId,
       portal_version AS portalVersion FROM bookings WHERE code = ?`,
  );
  const upsert = db.prepare(
    `INSERT INTO bookings (code, service_id, booked_for, status, ticket_id, updated_at, portal_id,
       portal_version, portal_status, pesel_hash)
     VALUES (@code, @serviceId, @bookedFor, @status, @ticketId, @updatedAt, @portalId,
       @portalVersion, @portalStatus, @peselHash)
     ON CONFLICT (code) DO UPDATE SET service_id=excluded.service_id, booked_for=excluded.booked_for,
       status=excluded.status, ticket_id=excluded.ticket_id, updated_at=excluded.updated_at,
       portal_id=excluded.portal_id, portal_version=excluded.portal_version,
       portal_status=excluded.portal_status, pesel_hash=excluded.pesel_hash`,
  );
  // Visits of past days that nobody checked in for are of no use at the counter any more.
  const prune = db.prepare(`DELETE FROM bookings WHERE status != 'checked-in' AND booked_for < ?`);
  // Checked-in visits stay (visit outcomes refer to them); the client's hash does not.
  const forget = db.prepare(
    `UPDATE bookings SET pesel_hash = NULL WHERE pesel_hash IS NOT NULL AND booked_for < ?`,
  );
  const hashPesel = peselHasher(db);
  const calendar = calendarStore(db);

  /** Pulls until the portal has no more changes; returns how many rows changed. */
  async function pull(now: Date, signal?: AbortSignal): Promise<number> {
    const today = localDay(now, timeZone);
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
      db.transaction(() => {
        for (const item of page.items) {
          const merged = mergeBooking(get.get(item.code) as CachedBooking | undefined, item, today);
          if (!merged) continue;
          const peselHash = item.pesel === null ? null : hashPesel(item.pesel);
          upsert.run({
            ...merged,
            updatedAt: now.toISOString(),
            peselHash,
          } satisfies MergedBooking & { updatedAt: string; peselHash: string | null });
          // The branch's calendar knows the portal's visits too: per-person rules, transfers
          // (only places the portal's visits do not need move) and the manager's view.
          const start = new Date(item.startsAt).toISOString();
          calendar.saveVisit(
            {
              code: item.code,
              personKey: peselHash ?? `portal:${item.id}`,
              serviceId: item.serviceId,
              start,
              side: 'portal',
              channel: 'portal',
              status: item.status,
              bookedAt: item.updatedAt,
            },
            localDay(start, timeZone),
            false,
          );
          changed += 1;
        }
        state.set(BOOKING_KEYS.cursor, page.cursor);
        state.set(BOOKING_KEYS.lastPullAt, now.toISOString());
        state.set(BOOKING_KEYS.lastError, null);
      })();
      if (!page.hasMore) break;
    }
    const horizon = new Date(now.getTime() - 36 * 3600_000).toISOString();
    db.transaction(() => {
      prune.run(horizon);
      forget.run(horizon);
    })();
    return changed;
  }
  return { pull };
}
/** The booking puller. */
export type BookingPuller = ReturnType<typeof bookingPuller>;
