// Routes a logged-in client uses: account data, archival data orders, own bookings.
import type { FastifyInstance } from 'fastify';
import {
  PueAccountDataQuery,
  PueArchiveOrderRequest,
  PueCreateBookingRequest,
  PueRebookRequest,
} from '@skr/protocol';
import { z } from 'zod';
import { getAccountData, listArchiveOrders, orderArchive } from './account-data';
import { cancelBooking, createBooking, listProfileBookings, rebookBooking } from './bookings';
import type { PueContext } from './context';
import { getProfileRow } from './profiles';
import { authenticate } from './sessions';
import { parseInput } from './validate';

const AccountParams = z.object({ accountId: z.string().min(1).max(64) });
const BookingParams = z.object({ id: z.string().min(1).max(64) });

/** Registers /v1/accounts/* and /v1/bookings/*. */
export function registerClientRoutes(app: FastifyInstance, ctx: PueContext): void {
  app.get('/v1/accounts/:accountId', async (request) => {
    const profileId = authenticate(ctx, request.headers.authorization);
    const { accountId } = parseInput(AccountParams, request.params, 'path');
    const { role } = parseInput(PueAccountDataQuery, request.query, 'query');
    return getAccountData(ctx, profileId, accountId, role);
  });

  app.post('/v1/accounts/:accountId/archive-orders', async (request, reply) => {
    const profileId = authenticate(ctx, request.headers.authorization);
    const { accountId } = parseInput(AccountParams, request.params, 'path');
    const body = parseInput(PueArchiveOrderRequest, request.body, 'archive order');
    return reply.status(201).send(orderArchive(ctx, profileId, accountId, body));
  });

  app.get('/v1/accounts/:accountId/archive-orders', async (request) => {
    const profileId = authenticate(ctx, request.headers.authorization);
    const { accountId } = parseInput(AccountParams, request.params, 'path');
    return { items: listArchiveOrders(ctx, profileId, accountId) };
  });

  app.get('/v1/bookings', async (request) => {
    const profileId = authenticate(ctx, request.headers.authorization);
    return { items: listProfileBookings(ctx, profileId) };
  });

  app.post('/v1/bookings', async (request, reply) => {
    const profileId = authenticate(ctx, request.headers.authorization);
    const body = parseInput(PueCreateBookingRequest, request.body, 'booking');
    const { pesel } = getProfileRow(ctx, profileId);
    const booking = createBooking(ctx, { ...body, profileId, pesel }, 'client');
    request.log.info({ bookingId: booking.id, branchId: booking.branchId }, 'visit booked');
    return reply.status(201).send(booking);
  });

  app.post('/v1/bookings/:id/cancel', async (request) => {
    const profileId = authenticate(ctx, request.headers.authorization);
    const { id } = parseInput(BookingParams, request.params, 'path');
    const booking = cancelBooking(ctx, id, profileId);
    request.log.info({ bookingId: id }, 'visit cancelled');
    return booking;
  });

  app.post('/v1/bookings/:id/rebook', async (request) => {
    const profileId = authenticate(ctx, request.headers.authorization);
    const { id } = parseInput(BookingParams, request.params, 'path');
    const body = parseInput(PueRebookRequest, request.body, 'rebooking');
    const booking = rebookBooking(ctx, id, body, profileId, 'client');
    request.log.info({ bookingId: id, version: booking.version }, 'visit rebooked');
    return booking;
  });
}
