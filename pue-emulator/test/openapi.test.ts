import SwaggerParser from '@apidevtools/swagger-parser';
import { createClient } from '@skr/protocol/client';
import { openApiPath, portalApi } from '@skr/protocol/routes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_JSON } from '../src/openapi';
import { inspectPortal } from '../src/openapi-document';
import { BRANCH, BRANCH_KEY, startHarness, type Harness } from './harness';

type Doc = { openapi: string; paths: Record<string, Record<string, { operationId?: string }>> };

let h: Harness;
let doc: Doc;
const registered: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  const res = await fetch(h.emu.url + OPENAPI_JSON);
  expect(res.status).toBe(200);
  doc = (await res.json()) as Doc;
  // Every route the emulator registers (the docs' own pages left out).
  const { routes } = await inspectPortal();
  registered.push(
    ...routes
      .filter((r) => !r.includes(' /__emulator/docs') && !r.endsWith(OPENAPI_JSON))
      .map((r) => r.replace(/:([A-Za-z0-9_]+)/g, '{$1}'))
      .sort(),
  );
});
afterAll(() => h?.stop());

const METHODS = ['get', 'post', 'put', 'delete', 'patch'];
function documented(d: Doc): string[] {
  const out: string[] = [];
  for (const [path, ops] of Object.entries(d.paths))
    for (const method of Object.keys(ops))
      if (METHODS.includes(method)) out.push(`${method.toUpperCase()} ${path}`);
  return out.sort();
}

describe('the portal OpenAPI document (generated from the route table)', () => {
  it('is OpenAPI 3.1 and passes an independent validator', async () => {
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('names every registered route, and no route that does not exist', () => {
    expect(registered.length).toBeGreaterThan(20);
    const inDoc = documented(doc);
    expect(
      registered.filter((r) => !inDoc.includes(r)),
      'registered, not documented',
    ).toEqual([]);
    expect(
      inDoc.filter((r) => !registered.includes(r)),
      'documented, not registered',
    ).toEqual([]);
  });

  it('has one operation per route of the table, same method and path', () => {
    const byName = new Map<string, string>();
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops))
        if (op.operationId) byName.set(op.operationId, `${method.toUpperCase()} ${path}`);
    const table = Object.entries(portalApi).map(
      ([name, r]) => [name, `${r.method} ${openApiPath(r.path)}`] as const,
    );
    expect(new Map(table)).toEqual(byName);
  });
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
