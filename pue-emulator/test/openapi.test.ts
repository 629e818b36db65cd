import { createClient } from '@skr/protocol/client';
import { portalApi } from '@skr/protocol/routes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  itMatchesOpenApiContract,
  type OpenApiDoc,
  type OpenApiSeen,
} from '../../scripts/openapi-contract';
import { OPENAPI_JSON } from '../src/openapi';
import { inspectPortal } from '../src/openapi-document';
import { BRANCH, BRANCH_KEY, startHarness, type Harness } from './harness';

let h: Harness;
const seen: OpenApiSeen = { doc: undefined, registered: [] };

beforeAll(async () => {
  h = await startHarness();
  const res = await fetch(h.emu.url + OPENAPI_JSON);
  expect(res.status).toBe(200);
  seen.doc = (await res.json()) as OpenApiDoc;
  // Every route the emulator registers (the docs' own pages and the national page for people,
  // an HTML view of GET /v1/public/status, left out).
  const { routes } = await inspectPortal();
  seen.registered = routes
    .filter(
      (r) =>
        !r.includes(' /__emulator/docs') && !r.endsWith(OPENAPI_JSON) && !r.endsWith(' /kolejki'),
    )
    .map((r) => r.replace(/:([A-Za-z0-9_]+)/g, '{$1}'))
    .sort();
});
afterAll(() => h?.stop());

describe('the portal OpenAPI document (generated from the route table)', () => {
  itMatchesOpenApiContract({ seen, table: portalApi, minRoutes: 20 });
});

describe('the typed client against the emulator', () => {
  it('calls branch routes by name and parses the answers', async () => {
    const portal = createClient(portalApi, {
      baseUrl: h.emu.url,
      headers: { 'x-branch-key': BRANCH_KEY },
    });
    const page = await portal.call('bookingChanges', {
      params: { branchId: BRANCH },
      query: { limit: 5 },
    });
    expect(page.items.length).toBeLessThanOrEqual(5);
    const refused = await createClient(portalApi, { baseUrl: h.emu.url })
      .call('bookingChanges', { params: { branchId: BRANCH } })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
  });
});
