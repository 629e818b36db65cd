// Routes a branch server uses, authenticated by its static key in `x-branch-key`: booking
// changes since a cursor, a booking by confirmation code, document intake, visit outcomes and
// daily statistics.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  PueBookingChangesQuery,
  PueDailyStats,
  PueDocumentSubmission,
  PueIdempotencyKey,
  PueVisitOutcome,
  SkrError,
} from '@skr/protocol';
import { z } from 'zod';
import { bookingChangesSince, findBookingByCode } from './bookings';
import type { PueContext } from './context';
import { submitDocument } from './intake';
import { submitReport, type ReportKind } from './reports';
import { parseInput } from './validate';

const BranchParams = z.object({ branchId: z.string().min(1).max(64) });
const CodeParams = BranchParams.extend({ code: z.string().regex(/^[A-Za-z0-9]{6}$/) });

function sameKey(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The branch id of the path after checking that branch's key; UNAUTHORIZED otherwise. */
function authBranch(ctx: PueContext, request: FastifyRequest): string {
  const { branchId } = parseInput(BranchParams, request.params, 'path');
  const expected = Object.hasOwn(ctx.branchKeys, branchId) ? ctx.branchKeys[branchId] : undefined;
  const given = request.headers['x-branch-key'];
  if (!expected || typeof given !== 'string' || !sameKey(given, expected)) {
    throw new SkrError('UNAUTHORIZED', 'Missing or wrong x-branch-key for this branch');
  }
  return branchId;
}

/** Registers /v1/branches/{branchId}/*. */
export function registerBranchRoutes(app: FastifyInstance, ctx: PueContext): void {
  app.get('/v1/branches/:branchId/bookings', async (request) => {
    const branchId = authBranch(ctx, request);
    const q = parseInput(PueBookingChangesQuery, request.query, 'query');
    return bookingChangesSince(ctx, branchId, q.since, q.limit ?? 200);
  });

  app.get('/v1/branches/:branchId/bookings/by-code/:code', async (request) => {
    const branchId = authBranch(ctx, request);
    const { code } = parseInput(CodeParams, request.params, 'path');
    return findBookingByCode(ctx, branchId, code);
  });

  app.post('/v1/branches/:branchId/documents', async (request, reply) => {
    const branchId = authBranch(ctx, request);
    const key = parseInput(
      PueIdempotencyKey,
      request.headers['idempotency-key'],
      'idempotency-key header',
    );
    const doc = parseInput(PueDocumentSubmission, request.body, 'document');
    ctx.deliveries.received += 1;
    const { upp, created } = submitDocument(ctx, branchId, key, doc);
    if (!created) ctx.deliveries.replays += 1;
    request.log.info({ uppId: upp.uppId, branchId, replay: !created }, 'document taken in');
    return reply.status(created ? 201 : 200).send(upp);
  });

  const reports: [string, ReportKind, z.ZodType][] = [
    ['visit-outcomes', 'visit-outcome', PueVisitOutcome],
    ['daily-stats', 'daily-stats', PueDailyStats],
  ];
  for (const [path, kind, schema] of reports) {
    app.post(`/v1/branches/:branchId/${path}`, async (request, reply) => {
      const branchId = authBranch(ctx, request);
      const key = parseInput(
        PueIdempotencyKey,
        request.headers['idempotency-key'],
        'idempotency-key header',
      );
      const body = parseInput(schema, request.body, kind);
      ctx.deliveries.received += 1;
      const { receipt, created } = submitReport(ctx, branchId, kind, key, body);
      if (!created) ctx.deliveries.replays += 1;
      request.log.info(
        { receiptId: receipt.receiptId, branchId, replay: !created },
        `${kind} taken in`,
      );
      return reply.status(created ? 201 : 200).send(receipt);
    });
  }
}
