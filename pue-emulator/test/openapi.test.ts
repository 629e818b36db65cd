import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../src/openapi';
import { OPENAPI_PATH, openApiYaml } from '../src/write-openapi';

describe('docs/pue-openapi.yaml', () => {
  it('is what the zod contracts generate (run `npm run openapi -w @skr/pue-emulator`)', async () => {
    expect(readFileSync(OPENAPI_PATH, 'utf8')).toBe(await openApiYaml());
  });

  it('references only schemas it defines', () => {
    const doc = JSON.stringify(buildOpenApi());
    const defined = Object.keys(
      (buildOpenApi() as { components: { schemas: Record<string, unknown> } }).components.schemas,
    );
    const refs = [...doc.matchAll(/#\/components\/schemas\/(\w+)/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(20);
    for (const r of refs) expect(defined).toContain(r);
  });
});
