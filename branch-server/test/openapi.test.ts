import { readFileSync } from 'node:fs';
import { branchApi, openApiPath } from '@skr/protocol/routes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  itMatchesOpenApiContract,
  type OpenApiDoc,
  type OpenApiSeen,
} from '../../scripts/openapi-contract';
import { OPENAPI_FILES, generatedOpenApi, openApiText } from '../../scripts/write-openapi';
import { startTestBranch, type TestBranch } from './harness';
import { printedRoutes } from './route-tree';

// The document and its page describe the API; they are not part of it.
const isDocsRoute = (url: string) =>
  url === '/api/v1/openapi.json' || url.startsWith('/api/v1/docs');

let b: TestBranch;
const seen: OpenApiSeen = { doc: undefined, registered: [] };

beforeAll(async () => {
  b = await startTestBranch({ serveApps: false });
  // Fastify has registered everything by now; read the routes back from its router.
  const tree = b.server.app.printRoutes({ commonPrefix: false, includeHooks: false });
  seen.registered = printedRoutes(tree)
    .filter((r) => r.path.startsWith('/api/') && !isDocsRoute(r.path))
    .map((r) => `${r.method} ${openApiPath(r.path)}`)
    .sort();
  const res = await fetch(`${b.url}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  seen.doc = (await res.json()) as OpenApiDoc;
});
afterAll(() => b?.close());

describe('the branch OpenAPI document (GET /api/v1/openapi.json)', () => {
  itMatchesOpenApiContract({ seen, table: branchApi, minRoutes: 50 });

  it('is what docs/openapi/ holds (run `npm run openapi` after changing a route)', async () => {
    const texts = await generatedOpenApi();
    expect(readFileSync(OPENAPI_FILES.branch, 'utf8')).toBe(texts.branch);
    expect(readFileSync(OPENAPI_FILES.portal, 'utf8')).toBe(texts.portal);
    // The served document is the written one.
    expect(await openApiText(seen.doc!, OPENAPI_FILES.branch)).toBe(texts.branch);
  });

  it('has a browsable reference page', async () => {
    const res = await fetch(`${b.url}/api/v1/docs/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger');
  });
});
