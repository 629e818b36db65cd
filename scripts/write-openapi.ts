// Writes the generated OpenAPI documents (npm run openapi): docs/openapi/branch.json from the
// branch server and docs/openapi/portal.json from the portal stand-in, both as registered from
// the route tables in protocol/src/routes/. Formatted by the repository's Prettier settings so
// `prettier --check .` stays clean; tests fail when a file is not what the code generates.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { branchOpenApi } from '../branch-server/src/http/openapi-document';
import { portalOpenApi } from '../pue-emulator/src/openapi-document';

/** Where each generated document lives. */
export const OPENAPI_FILES = {
  branch: fileURLToPath(new URL('../docs/openapi/branch.json', import.meta.url)),
  portal: fileURLToPath(new URL('../docs/openapi/portal.json', import.meta.url)),
} as const;

/** A document as the file holds it. */
export async function openApiText(doc: unknown, path: string): Promise<string> {
  const config = (await resolveConfig(path)) ?? {};
  return format(JSON.stringify(doc), { ...config, parser: 'json' });
}

/** The text each file should have now. */
export async function generatedOpenApi(): Promise<Record<keyof typeof OPENAPI_FILES, string>> {
  return {
    branch: await openApiText(await branchOpenApi(), OPENAPI_FILES.branch),
    portal: await openApiText(await portalOpenApi(), OPENAPI_FILES.portal),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const texts = await generatedOpenApi();
  for (const key of ['branch', 'portal'] as const) {
    mkdirSync(dirname(OPENAPI_FILES[key]), { recursive: true });
    writeFileSync(OPENAPI_FILES[key], texts[key]);
    console.log(`wrote ${OPENAPI_FILES[key]}`);
  }
}
