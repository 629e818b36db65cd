import type { PueBooking } from '@skr/protocol';

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

/**
 * Applies one booking change from the portal feed to the cache (pure).
 * - Older or repeated versions are ignored, so replaying a page is harmless.
 * - Visits before `today` (Europe/Warsaw) are not cached.
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
