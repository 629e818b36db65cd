// The OpenAPI 3.1 description of the portal API, generated from the zod contracts in
// protocol/src/pue.ts so the document cannot drift from what the server validates.
// `npm run openapi -w @skr/pue-emulator` writes docs/pue-openapi.yaml; a test checks it is current.
import * as P from '@skr/protocol';
import { z } from 'zod';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

const SCHEMAS: Record<string, z.ZodType> = {
  ApiError: P.ApiError,
  PuePasswordLoginRequest: P.PuePasswordLoginRequest,
  PuePasswordLoginStarted: P.PuePasswordLoginStarted,
  PueVerifyCodeRequest: P.PueVerifyCodeRequest,
  PueCardChallenge: P.PueCardChallenge,
  PueCardLoginRequest: P.PueCardLoginRequest,
  PueSession: P.PueSession,
  PueProfile: P.PueProfile,
  PueAccount: P.PueAccount,
  PueAccountData: P.PueAccountData,
  PueArchiveOrderRequest: P.PueArchiveOrderRequest,
  PueArchiveOrder: P.PueArchiveOrder,
  PueArchiveOrderList: P.PueArchiveOrderList,
  PueBooking: P.PueBooking,
  PueBookingList: P.PueBookingList,
  PueCreateBookingRequest: P.PueCreateBookingRequest,
  PueRebookRequest: P.PueRebookRequest,
  PueBookingChanges: P.PueBookingChanges,
  PueDocumentSubmission: P.PueDocumentSubmission,
  PueUpp: P.PueUpp,
  PueVisitOutcome: P.PueVisitOutcome,
  PueDailyStats: P.PueDailyStats,
  PueReportReceipt: P.PueReportReceipt,
  PueFaults: P.PueFaults,
  PueOutboxMessage: P.PueOutboxMessage,
};

// zod spells out a huge regex next to `format: date-time`; the format says it better.
function tidy(node: unknown): Json {
  if (Array.isArray(node)) return node.map(tidy);
  if (typeof node !== 'object' || node === null) return node as Json;
  const out: Record<string, Json> = {};
  const obj = node as Record<string, unknown>;
  for (const [k, v] of Object.entries(obj)) {
    if (k === '$schema' || k === '$id') continue;
    if (k === 'pattern' && obj.format === 'date-time') continue;
    if (k === 'maximum' && v === Number.MAX_SAFE_INTEGER) continue;
    if (k === 'minimum' && v === Number.MIN_SAFE_INTEGER) continue;
    out[k] = tidy(v);
  }
  return out;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
const body = (name: string) => ({ required: true, content: json(name) });
const ok = (name: string, description = 'OK') => ({ description, content: json(name) });
const err = (description: string) => ({ description, content: json('ApiError') });
const bearer = [{ session: [] }];
const branch = [{ branchKey: [] }];
const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const E400 = err('INVALID: the body, query or path does not match the schema');
const E401 = err('UNAUTHORIZED: missing, expired or wrong credentials');

// A branch report sent from the outbox: idempotent per (branch, key), like document intake.
const report = (summary: string, schema: string): Json => ({
  post: {
    summary,
    description: 'The same idempotency key again answers the same receipt (200).',
    security: branch,
    parameters: [
      pathParam('branchId', 'branch'),
      {
        name: 'idempotency-key',
        in: 'header',
        required: true,
        schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{8,128}$' },
      },
    ],
    requestBody: body(schema),
    responses: {
      '201': ok('PueReportReceipt', 'Taken in'),
      '200': ok('PueReportReceipt', 'Already taken in with this key'),
      '400': E400,
      '401': E401,
      '409': err('CONFLICT: key reused for another report'),
    },
  },
});

const PATHS: Record<string, Json> = {
  '/v1/auth/password': {
    post: {
      summary: 'Password login, step 1: check login + password, send a verification code',
      requestBody: body('PuePasswordLoginRequest'),
      responses: { '200': ok('PuePasswordLoginStarted'), '400': E400, '401': E401 },
    },
  },
  '/v1/auth/password/verify': {
    post: {
      summary: 'Password login, step 2: the 6-digit code from SMS or e-mail opens a session',
      description: 'Single use; after 3 wrong codes the attempt is void.',
      requestBody: body('PueVerifyCodeRequest'),
      responses: { '200': ok('PueSession'), '400': E400, '401': E401 },
    },
  },
  '/v1/auth/card/challenge': {
    post: {
      summary: 'ID-card login, step 1: a 32-byte challenge bound to a short-lived attempt',
      responses: { '200': ok('PueCardChallenge') },
    },
  },
  '/v1/auth/card': {
    post: {
      summary: 'ID-card login, step 2: certificate + ECDSA P-256/SHA-256 signature (raw r||s)',
      description:
        'The certificate must be issued by a trusted CA, be within its validity dates, and name ' +
        'the holder as subject serialNumber=PNOPL-<PESEL>. Each challenge allows one try.',
      requestBody: body('PueCardLoginRequest'),
      responses: { '200': ok('PueSession'), '400': E400, '401': E401 },
    },
  },
  '/v1/auth/logout': {
    post: {
      summary: 'Ends the session',
      security: bearer,
      responses: { '204': { description: 'Logged out' } },
    },
  },
  '/v1/me': {
    get: {
      summary: 'The profile with the accounts it may enter',
      security: bearer,
      responses: { '200': ok('PueProfile'), '401': E401 },
    },
  },
  '/v1/accounts/{accountId}': {
    get: {
      summary: 'Account data for a role',
      description:
        'insured: contribution bases (12 months), balance, initial capital, OFE transfers; ' +
        'beneficiary: benefits granted and paid; general: none; payer accounts take no role.',
      security: bearer,
      parameters: [
        pathParam('accountId', 'from PueProfile.accounts'),
        {
          name: 'role',
          in: 'query',
          required: false,
          schema: { type: 'string', enum: [...P.PueRole.options] },
        },
      ],
      responses: {
        '200': ok('PueAccountData'),
        '400': E400,
        '401': E401,
        '403': err('FORBIDDEN: not this account or role'),
      },
    },
  },
  '/v1/accounts/{accountId}/archive-orders': {
    get: {
      summary: 'Archival data orders of the account',
      security: bearer,
      parameters: [pathParam('accountId', 'individual account')],
      responses: { '200': ok('PueArchiveOrderList'), '401': E401, '403': err('FORBIDDEN') },
    },
    post: {
      summary: 'Order archival contribution data (older than 12 months)',
      security: bearer,
      parameters: [pathParam('accountId', 'individual account')],
      requestBody: body('PueArchiveOrderRequest'),
      responses: {
        '201': ok('PueArchiveOrder', 'Ordered'),
        '400': E400,
        '401': E401,
        '403': err('FORBIDDEN'),
      },
    },
  },
  '/v1/bookings': {
    get: {
      summary: "The client's bookings",
      security: bearer,
      responses: { '200': ok('PueBookingList'), '401': E401 },
    },
    post: {
      summary: 'Book a visit (Mon–Fri 08:00–17:45 Europe/Warsaw, 15-minute slots, in the future)',
      security: bearer,
      requestBody: body('PueCreateBookingRequest'),
      responses: {
        '201': ok('PueBooking', 'Booked'),
        '400': E400,
        '401': E401,
        '404': err('NOT_FOUND: no such branch'),
      },
    },
  },
  '/v1/bookings/{id}/cancel': {
    post: {
      summary: 'Cancel a booked visit',
      security: bearer,
      parameters: [pathParam('id', 'booking id')],
      responses: {
        '200': ok('PueBooking'),
        '401': E401,
        '404': err('NOT_FOUND'),
        '409': err('CONFLICT: already cancelled'),
      },
    },
  },
  '/v1/bookings/{id}/rebook': {
    post: {
      summary: 'Move a booked visit to another date and time (same id and code, version + 1)',
      security: bearer,
      parameters: [pathParam('id', 'booking id')],
      requestBody: body('PueRebookRequest'),
      responses: {
        '200': ok('PueBooking'),
        '400': E400,
        '401': E401,
        '404': err('NOT_FOUND'),
        '409': err('CONFLICT: cancelled'),
      },
    },
  },
  '/v1/branches/{branchId}/bookings': {
    get: {
      summary: 'Bookings of the branch changed after the cursor (new, cancelled, rebooked)',
      description:
        'Each item is the booking as it is now. Store `cursor` and pass it as `since`; while ' +
        '`hasMore` is true, ask again at once. The cursor is a monotonic change sequence.',
      security: branch,
      parameters: [
        pathParam('branchId', 'the branch whose key is sent'),
        {
          name: 'since',
          in: 'query',
          required: false,
          schema: { type: 'string', pattern: '^\\d{1,15}$' },
        },
        {
          name: 'limit',
          in: 'query',
          required: false,
          schema: { type: 'integer', minimum: 1, maximum: 1000, default: 200 },
        },
      ],
      responses: { '200': ok('PueBookingChanges'), '400': E400, '401': E401 },
    },
  },
  '/v1/branches/{branchId}/bookings/by-code/{code}': {
    get: {
      summary: 'A booking of the branch by its confirmation code (check-in while online)',
      security: branch,
      parameters: [pathParam('branchId', 'branch'), pathParam('code', '6 characters')],
      responses: { '200': ok('PueBooking'), '401': E401, '404': err('NOT_FOUND') },
    },
  },
  '/v1/branches/{branchId}/documents': {
    post: {
      summary: 'Take in a document; answers its UPP',
      description:
        'Idempotent per (branch, idempotency-key): the same key again answers the same UPP (200) ' +
        'and never stores a second document; the same key with a different body is CONFLICT.',
      security: branch,
      parameters: [
        pathParam('branchId', 'branch'),
        {
          name: 'idempotency-key',
          in: 'header',
          required: true,
          schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{8,128}$' },
        },
      ],
      requestBody: body('PueDocumentSubmission'),
      responses: {
        '201': ok('PueUpp', 'Taken in'),
        '200': ok('PueUpp', 'Already taken in with this key'),
        '400': E400,
        '401': E401,
        '409': err('CONFLICT: key reused for another document'),
      },
    },
  },
  '/v1/branches/{branchId}/visit-outcomes': report(
    'What became of a booked visit (served or no-show), sent once per ticket',
    'PueVisitOutcome',
  ),
  '/v1/branches/{branchId}/daily-stats': report(
    "A closed day's numbers per matter, sent once per day",
    'PueDailyStats',
  ),
  '/v1/health': { get: { summary: 'Liveness', responses: { '200': { description: 'Up' } } } },
  '/__emulator/outbox': {
    get: {
      summary: 'Emulator only: verification messages sent (tests and demos read codes here)',
      tags: ['emulator'],
      responses: {
        '200': {
          description: 'OK',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { items: { type: 'array', items: ref('PueOutboxMessage') } },
              },
            },
          },
        },
      },
    },
  },
  '/__emulator/faults': {
    get: {
      summary: 'Emulator only: current fault switches',
      tags: ['emulator'],
      responses: { '200': ok('PueFaults') },
    },
    put: {
      summary: 'Emulator only: merge fault switches',
      tags: ['emulator'],
      requestBody: body('PueFaults'),
      responses: { '200': ok('PueFaults') },
    },
    delete: {
      summary: 'Emulator only: all faults off',
      tags: ['emulator'],
      responses: { '200': ok('PueFaults') },
    },
  },
};

/** The OpenAPI 3.1 document of the PUE API as a plain object. */
export function buildOpenApi(): Json {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    io: 'output',
    unrepresentable: 'any',
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'PUE portal API (as spoken by pue-emulator)',
      version: '1.0.0',
      description:
        'The central portal API the SKR branch and kiosk use. Generated from protocol/src/pue.ts; ' +
        'do not edit by hand. Errors are always ApiError {code, message, details?}.',
    },
    servers: [{ url: 'http://127.0.0.1:8090', description: 'pue-emulator (npm start)' }],
    paths: PATHS,
    components: {
      securitySchemes: {
        session: { type: 'http', scheme: 'bearer', description: 'token from PueSession' },
        branchKey: { type: 'apiKey', in: 'header', name: 'x-branch-key' },
      },
      schemas: tidy(schemas),
    },
  };
}
