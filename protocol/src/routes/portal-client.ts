import { z } from 'zod';
import {
  PueAccountData,
  PueAccountDataQuery,
  PueArchiveOrder,
  PueArchiveOrderList,
  PueArchiveOrderRequest,
  PueBooking,
  PueBookingList,
  PueCreateBookingRequest,
  PueRebookRequest,
} from '../pue';
import { AccountParams } from './params';
import { portalRoute } from './route';

const BookingParams = z.object({ id: z.string().min(1).max(64) });

/** What a logged-in client does: account data, archival data orders, own bookings. */
export const portalClientRoutes = {
  accountData: portalRoute({
    method: 'GET',
    path: '/v1/accounts/:accountId',
    tag: 'client',
    summary: 'Account data for a role',
    description:
      'insured: contribution bases (12 months), balance, initial capital, OFE transfers; ' +
      'beneficiary: benefits granted and paid; general: none; payer accounts take no role.',
    access: 'session',
    params: AccountParams,
    query: PueAccountDataQuery,
    responses: { 200: PueAccountData },
  }),
  archiveOrders: portalRoute({
    method: 'GET',
    path: '/v1/accounts/:accountId/archive-orders',
    tag: 'client',
    summary: 'Archival data orders of the account',
    access: 'session',
    params: AccountParams,
    responses: { 200: PueArchiveOrderList },
  }),
  orderArchive: portalRoute({
    method: 'POST',
    path: '/v1/accounts/:accountId/archive-orders',
    tag: 'client',
    summary: 'Order archival contribution data (older than 12 months)',
    access: 'session',
    params: AccountParams,
    body: PueArchiveOrderRequest,
    responses: { 201: PueArchiveOrder },
  }),
  myBookings: portalRoute({
    method: 'GET',
    path: '/v1/bookings',
    tag: 'client',
    summary: "The client's bookings",
    access: 'session',
    responses: { 200: PueBookingList },
  }),
  book: portalRoute({
    method: 'POST',
    path: '/v1/bookings',
    tag: 'client',
    summary: 'Book a visit (Mon–Fri 08:00–17:45 Europe/Warsaw, 15-minute slots, in the future)',
    access: 'session',
    body: PueCreateBookingRequest,
    responses: { 201: PueBooking },
  }),
  cancelBooking: portalRoute({
    method: 'POST',
    path: '/v1/bookings/:id/cancel',
    tag: 'client',
    summary: 'Cancel a booked visit',
    access: 'session',
    params: BookingParams,
    responses: { 200: PueBooking },
  }),
  rebook: portalRoute({
    method: 'POST',
    path: '/v1/bookings/:id/rebook',
    tag: 'client',
    summary: 'Move a booked visit to another date and time (same id and code, version + 1)',
    access: 'session',
    params: BookingParams,
    body: PueRebookRequest,
    responses: { 200: PueBooking },
  }),
};
