import { readFileSync } from 'node:fs';
import { branchApi, openApiPath } from '@skr/protocol/routes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itMatchesOpenApiContract, type OpenApiDoc } from '../../scripts/openapi-contract';
import { OPENAPI_FILES, generatedOpenApi, openApiText } from '../../scripts/write-openapi';
import { startTestBranch, type TestBranch } from './harness';

type Doc = OpenApiDoc;

// The document and its page describe the API; they are not part of it.
const isDocsRoute = (url: string) =>
  url === '/api/v1/openapi.json' || url.startsWith('/api/v1/docs');

let b: TestBranch;
const registered: string[] = [];
let doc: Doc;

beforeAll(async () => {
  b = await startTestBranch({ serveApps: false });
  // Fastify has registered everything by now; read the routes back from its router.
  const tree = b.server.app.printRoutes({ commonPrefix: false, includeHooks: false });
  registered.push(...routesOf(tree).filter((r) => !isDocsRoute(r.split(' ')[1]!)));
  const res = await fetch(`${b.url}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as Doc;
});
afterAll(() => b?.close());

/** `METHOD /path/{param}` for every route in Fastify's printed route tree under /api/. */
function routesOf(tree: string): string[] {
  const out: string[] = [];
  const stack: { depth: number; path: string }[] = [];
  for (const line of tree.split('\n')) {
    const m = /^(.*?)[├└]── (\S+) \(([^)]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length;
    while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const path = (stack[stack.length - 1]?.path ?? '') + m[2]!;
    stack.push({ depth, path });
    if (!path.startsWith('/api/')) continue;
    for (const method of m[3]!.split(', '))
      if (method !== 'HEAD') out.push(`${method} ${openApiPath(path)}`);
  }
  return out.sort();
}

describe('the branch OpenAPI document (GET /api/v1/openapi.json)', () => {
  itMatchesOpenApiContract({
    doc: () => doc,
    registered: () => registered,
    table: branchApi,
    minRoutes: 50,
  });

  it('is what docs/openapi/ holds (run `npm run openapi` after changing a route)', async () => {
    const texts = await generatedOpenApi();
    expect(readFileSync(OPENAPI_FILES.branch, 'utf8')).toBe(texts.branch);
    expect(readFileSync(OPENAPI_FILES.portal, 'utf8')).toBe(texts.portal);
    // The served document is the written one.
    expect(await openApiText(doc, OPENAPI_FILES.branch)).toBe(texts.branch);
  });

  it('has a browsable reference page', async () => {
    const res = await fetch(`${b.url}/api/v1/docs/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger');
  });
});
