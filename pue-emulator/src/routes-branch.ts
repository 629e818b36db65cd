// Routes a branch server uses, authenticated by its static key in `x-branch-key` (checked by
// the access hook, see api-route.ts): booking changes since a cursor, a booking by
// confirmation code, document intake, visit outcomes and daily statistics.
import type { FastifyInstance } from 'fastify';
import { portalApi } from '@skr/protocol/routes';
import { serve } from './api-route';
import { bookingChangesSince, findBookingByCode } from './bookings';
import { portalSlots, publishCalendar } from './calendar';
import type { PueContext } from './context';
import { submitDocument } from './intake';
import { submitReport, type ReportKind } from './reports';

/** The idempotency key of a delivery (validated by the route's header schema). */
const keyOf = (headers: Record<string, unknown>) => String(headers['idempotency-key']);

/** Registers /v1/branches/{branchId}/*. */
export function registerBranchRoutes(app: FastifyInstance, ctx: PueContext): void {
  serve(app, 'bookingChanges', portalApi.bookingChanges, (request, _reply, branchId) =>
    bookingChangesSince(ctx, branchId, request.query.since, request.query.limit ?? 200),
  );
  registerCalendarRoutes(app, ctx);

  serve(app, 'bookingByCode', portalApi.bookingByCode, (request, _reply, branchId) =>
    findBookingByCode(ctx, branchId, request.params.code),
  );

  serve(app, 'submitDocument', portalApi.submitDocument, (request, reply, branchId) => {
    ctx.deliveries.received += 1;
    const { upp, created } = submitDocument(ctx, branchId, keyOf(request.headers), request.body);
    if (!created) ctx.deliveries.replays += 1;
    request.log.info({ uppId: upp.uppId, branchId, replay: !created }, 'document taken in');
    return reply.status(created ? 201 : 200).send(upp);
  });

  const reports = [
    ['visitOutcome', 'visit-outcome'],
    ['dailyStats', 'daily-stats'],
  ] as const satisfies readonly (readonly [keyof typeof portalApi, ReportKind])[];
  for (const [name, kind] of reports) {
    serve(app, name, portalApi[name], (request, reply, branchId) => {
      ctx.deliveries.received += 1;
      const key = keyOf(request.headers);
      const { receipt, created } = submitReport(ctx, branchId, kind, key, request.body);
      if (!created) ctx.deliveries.replays += 1;
      request.log.info(
        { receiptId: receipt.receiptId, branchId, replay: !created },
        `${kind} taken in`,
      );
      return reply.status(created ? 201 : 200).send(receipt);
    });
  }
}

/** Registers the calendar a branch publishes and the portal's free slots (issue 14). */
function registerCalendarRoutes(app: FastifyInstance, ctx: PueContext): void {
  serve(app, 'publishCalendar', portalApi.publishCalendar, (request, _reply, branchId) => {
    const receipt = publishCalendar(ctx, branchId, request.body);
    request.log.info(
      { branchId, version: receipt.version, applied: receipt.applied },
      'calendar published',
    );
    return receipt;
  });
  serve(app, 'portalSlots', portalApi.portalSlots, (request) => ({
    slots: portalSlots(ctx, request.params.branchId, request.query),
  }));
}
