import { decideAddBooking } from '../../domain';
import type { UseCaseContext } from './context';

/** Caches a booking made at the central portal (the portal sync also writes here). */
export function addBooking(
  ctx: UseCaseContext,
  code: string,
  serviceId: string,
  bookedFor: string,
  actor: string | null,
): void {
  ctx.uow.run(() =>
    decideAddBooking(
      ctx.state,
      { code, serviceId, bookedFor, existing: ctx.bookings.get(code), actor },
      ctx.now(),
    ),
  );
}
