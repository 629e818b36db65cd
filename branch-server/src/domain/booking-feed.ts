import type { BranchEventType, PueBooking } from '@skr/protocol';
import { localDay } from '@skr/protocol/time-zone';
import type { Decision, DomainEvent, RowChange } from './records';

/** Who the events of the portal's booking feed name as their actor. */
const PORTAL_FEED_ACTOR = 'system:portal-feed';

/** How long after its time a cached visit (and its client's PESEL hash) is kept. */
const BOOKING_CACHE_HOURS = 36;

/** A cached booking with what the branch last heard from the portal about it. */
export interface CachedBooking {
  code: string;
  serviceId: string;
  bookedFor: string;
  status: 'booked' | 'checked-in' | 'cancelled';
  ticketId: string | null;
  portalVersion: number | null;
}

/** The row to write for an incoming change, or null to leave the cache as it is. */
export interface MergedBooking {
  code: string;
  serviceId: string;
  bookedFor: string;
  status: 'booked' | 'checked-in' | 'cancelled';
  ticketId: string | null;
  portalId: string;
  portalVersion: number;
  portalStatus: 'booked' | 'cancelled';
}

/** A booking of the cache as the feed writes it: the merge, when, and the client's hash. */
export type PortalBookingRow = MergedBooking & { updatedAt: string; peselHash: string | null };

/**
 * Applies one booking change from the portal feed to the cache (pure).
 * - Older or repeated versions are ignored, so replaying a page is harmless.
 * - Visits before `today` (the branch's local day) are not cached.
 * - A client who has already checked in keeps their ticket whatever the portal says later:
 *   they are in the building, and turning them away because the booking was cancelled or
 *   moved online meanwhile helps no one. The portal's word is kept in `portalStatus`, and the
 *   visit outcome tells the portal that its cancellation arrived after the check-in.
 */
export function mergeBooking(
  cached: CachedBooking | undefined,
  incoming: PueBooking,
  today: string,
): MergedBooking | null {
  if (cached?.portalVersion != null && incoming.version <= cached.portalVersion) return null;
  const portal = {
    portalId: incoming.id,
    portalVersion: incoming.version,
    portalStatus: incoming.status,
  };
  if (cached?.status === 'checked-in') return { ...cached, ...portal };
  if (incoming.date < today) return null;
  return {
    code: incoming.code,
    serviceId: incoming.serviceId,
    bookedFor: new Date(incoming.startsAt).toISOString(),
    status: incoming.status === 'cancelled' ? 'cancelled' : 'booked',
    ticketId: null,
    ...portal,
  };
}

/** One page of the portal's feed, each PESEL already turned into the branch's keyed hash. */
export interface BookingPage {
  items: readonly { booking: PueBooking; peselHash: string | null }[];
  /** The feed's cursor after this page. */
  cursor: string;
}

/** What a page changes: its decision, and how many cached bookings it wrote. */
export type BookingPageDecision = Decision & { changed: number };

/** What a merge is, seen from the branch; null when nothing a client sees changed. */
function feedEventType(
  before: CachedBooking | undefined,
  after: MergedBooking,
): BranchEventType | null {
  if (after.status === 'checked-in') return null;
  if (after.status === 'cancelled') return before?.status === 'booked' ? 'booking.cancelled' : null;
  if (before?.status !== 'booked') return 'booking.created';
  const moved = before.bookedFor !== after.bookedFor || before.serviceId !== after.serviceId;
  return moved ? 'booking.rebooked' : null;
}

/**
 * Decides one page of the feed (pure): each change merged into the cache as it stands after
 * the page's earlier items (`cached` holds the rows before the page), the portal's visit in the
 * calendar, and the new cursor — all one change, so a crash between pages re-reads at most one.
 * A new visit logs `booking.created`, one cancelled online `booking.cancelled`, a moved one
 * `booking.rebooked`; repeats and checked-in clients log nothing.
 */
export function decideBookingPage(
  cached: ReadonlyMap<string, CachedBooking>,
  page: BookingPage,
  now: Date,
  timeZone: string,
): BookingPageDecision {
  const at = now.toISOString();
  const today = localDay(now, timeZone);
  const seen = new Map(cached);
  const events: DomainEvent[] = [];
  const rows: RowChange[] = [];
  let changed = 0;
  for (const { booking: item, peselHash } of page.items) {
    const before = seen.get(item.code);
    const merged = mergeBooking(before, item, today);
    if (!merged) continue;
    seen.set(item.code, merged);
    rows.push({ row: 'portal-booking', booking: { ...merged, updatedAt: at, peselHash } });
    // The branch's calendar knows the portal's visits too: per-person rules, transfers (only
    // places the portal's visits do not need move) and the manager's view.
    const start = new Date(item.startsAt).toISOString();
    rows.push({
      row: 'calendar-visit',
      visit: {
        code: item.code,
        personKey: peselHash ?? `portal:${item.id}`,
        serviceId: item.serviceId,
        start,
        side: 'portal',
        channel: 'portal',
        status: item.status,
        bookedAt: item.updatedAt,
      },
      day: localDay(start, timeZone),
      // The booking row above is the check-in cache's, with the portal's version.
      mirror: false,
    });
    changed += 1;
    const type = feedEventType(before, merged);
    if (type === null) continue;
    const booking = { code: merged.code, serviceId: merged.serviceId, start: merged.bookedFor };
    events.push({ at, type, booking, actor: PORTAL_FEED_ACTOR });
  }
  rows.push({ row: 'booking-cursor', cursor: page.cursor, pulledAt: at });
  return { events, rows, changed };
}

/**
 * Decides the cache's housekeeping after a pull (pure): visits more than
 * {@link BOOKING_CACHE_HOURS} past are dropped unless checked in, and every such visit forgets
 * its client's PESEL hash. Housekeeping of a copy: no event.
 */
export function decideBookingPrune(now: Date): Decision {
  const before = new Date(now.getTime() - BOOKING_CACHE_HOURS * 3600_000).toISOString();
  return { events: [], rows: [{ row: 'booking-prune', before }] };
}
