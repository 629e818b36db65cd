import type { PueBookingChanges } from '@skr/protocol';
import { decideBookingPage, decideBookingPrune } from '../../domain';
import type { UseCaseContext } from './context';

/**
 * Writes one page of the portal's booking feed through the pipeline: the cache rows, the
 * calendar's portal visits and the cursor commit together, the events are published after.
 * PESELs are hashed here (the branch keeps only its keyed hash); answers how many bookings
 * the page changed.
 */
export function applyBookingPage(ctx: UseCaseContext, page: PueBookingChanges): number {
  const items = page.items.map((booking) => ({
    booking,
    peselHash: booking.pesel === null ? null : ctx.hashPesel(booking.pesel),
  }));
  const { decision } = ctx.uow.run(() =>
    // Read inside the change's transaction: what the page merges into is what it overwrites.
    decideBookingPage(
      ctx.bookings.cachedForFeed(page.items.map((b) => b.code)),
      { items, cursor: page.cursor },
      ctx.now(),
      ctx.state.settings.timeZone,
    ),
  );
  return decision.changed;
}

/** Drops the cache's visits long past and forgets their clients' PESEL hashes. */
export function pruneBookingCache(ctx: UseCaseContext): void {
  ctx.uow.run(() => decideBookingPrune(ctx.now()));
}
