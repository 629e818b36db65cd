// Routes a logged-in client uses: account data, archival data orders, own bookings. The
// session is checked by the access hook before anything else (see api-route.ts).
import type { FastifyInstance } from 'fastify';
import { portalApi } from '@skr/protocol/routes';
import { getAccountData, listArchiveOrders, orderArchive } from './account-data';
import { serve } from './api-route';
import { cancelBooking, createBooking, listProfileBookings, rebookBooking } from './bookings';
import type { PueContext } from './context';
import { getProfileRow } from './profiles';

/** Registers /v1/accounts/* and /v1/bookings/*. */
export function registerClientRoutes(app: FastifyInstance, ctx: PueContext): void {
  serve(app, 'accountData', portalApi.accountData, (request, _reply, profileId) =>
    getAccountData(ctx, profileId, request.params.accountId, request.query.role),
  );

  serve(app, 'orderArchive', portalApi.orderArchive, (request, reply, profileId) =>
    reply.status(201).send(orderArchive(ctx, profileId, request.params.accountId, request.body)),
  );

  serve(app, 'archiveOrders', portalApi.archiveOrders, (request, _reply, profileId) => ({
    items: listArchiveOrders(ctx, profileId, request.params.accountId),
  }));

  serve(app, 'myBookings', portalApi.myBookings, (_request, _reply, profileId) => ({
    items: listProfileBookings(ctx, profileId),
  }));

  serve(app, 'book', portalApi.book, (request, reply, profileId) => {
    const { pesel } = getProfileRow(ctx, profileId);
    const booking = createBooking(ctx, { ...request.body, profileId, pesel }, 'client');
    request.log.info({ bookingId: booking.id, branchId: booking.branchId }, 'visit booked');
    return reply.status(201).send(booking);
  });

  serve(app, 'cancelBooking', portalApi.cancelBooking, (request, _reply, profileId) => {
    const { id } = request.params;
    const booking = cancelBooking(ctx, id, profileId);
    request.log.info({ bookingId: id }, 'visit cancelled');
    return booking;
  });

  serve(app, 'rebook', portalApi.rebook, (request, _reply, profileId) => {
    const { id } = request.params;
    const booking = rebookBooking(ctx, id, request.body, profileId, 'client');
    request.log.info({ bookingId: id, version: booking.version }, 'visit rebooked');
    return booking;
  });
}
