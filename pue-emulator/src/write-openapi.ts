// Writes docs/pue-openapi.yaml from the zod contracts (npm run openapi -w @skr/pue-emulator).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApi } from './openapi';
import { toYaml } from './yaml';

/** Where the generated document lives. */
export const OPENAPI_PATH = fileURLToPath(new URL('../../docs/pue-openapi.yaml', import.meta.url));

/** The generated document text, with its do-not-edit header. */
export function openApiYaml(): string {
  return `# Generated from protocol/src/pue.ts by pue-emulator/src/write-openapi.ts; do not edit.\n${toYaml(buildOpenApi())}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OPENAPI_PATH, openApiYaml());
  console.log(`wrote ${OPENAPI_PATH}`);
}
