import SwaggerParser from '@apidevtools/swagger-parser';
import { openApiPath } from '@skr/protocol/routes';
import { expect, it } from 'vitest';

/** The part of an OpenAPI document the contract reads. */
export type OpenApiDoc = {
  openapi: string;
  paths: Record<string, Record<string, { operationId?: string }>>;
};

const METHODS = ['get', 'post', 'put', 'delete', 'patch'];

/** `METHOD /path` for every operation a document describes, sorted. */
export function documentedRoutes(d: OpenApiDoc): string[] {
  const out: string[] = [];
  for (const [path, ops] of Object.entries(d.paths))
    for (const method of Object.keys(ops))
      if (METHODS.includes(method)) out.push(`${method.toUpperCase()} ${path}`);
  return out.sort();
}

/** What a test read from a running server; filled in its beforeAll, read by the tests. */
export interface OpenApiSeen {
  /** The document the server serves. */
  doc: OpenApiDoc | undefined;
  /** `METHOD /path/{param}` of every route the server registered (its docs pages left out). */
  registered: string[];
}

/** What one server's contract is checked against. */
export interface OpenApiContract {
  seen: OpenApiSeen;
  /** The route table the document is generated from. */
  table: Record<string, { method: string; path: string }>;
  /** Fewer routes than this means reading them back went wrong, not that the API shrank. */
  minRoutes: number;
}

/**
 * The tests both servers' documents must pass (call inside a `describe`): valid OpenAPI 3.1,
 * exactly the registered routes, and one operation per named route of the table.
 */
export function itMatchesOpenApiContract(c: OpenApiContract): void {
  const doc = (): OpenApiDoc => c.seen.doc ?? expect.fail('the server served no document');
  it('is OpenAPI 3.1 and passes an independent validator', async () => {
    expect(doc().openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc()) as never)).resolves.toBeTruthy();
  });

  it('names every registered API route, and no route that does not exist', () => {
    const registered = c.seen.registered;
    expect(registered.length).toBeGreaterThan(c.minRoutes);
    const inDoc = documentedRoutes(doc());
    expect(
      registered.filter((r) => !inDoc.includes(r)),
      'registered, not documented',
    ).toEqual([]);
    expect(
      inDoc.filter((r) => !registered.includes(r)),
      'documented, not registered',
    ).toEqual([]);
  });

  it('is the route table: one operation per named route, same method and path', () => {
    const byName = new Map<string, string>();
    for (const [path, ops] of Object.entries(doc().paths))
      for (const [method, op] of Object.entries(ops))
        if (op.operationId) byName.set(op.operationId, `${method.toUpperCase()} ${path}`);
    const table = Object.entries(c.table).map(
      ([name, r]) => [name, `${r.method} ${openApiPath(r.path)}`] as const,
    );
    expect(new Map(table)).toEqual(byName);
  });
}
