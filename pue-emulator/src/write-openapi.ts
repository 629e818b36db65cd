// Writes docs/pue-openapi.yaml from the zod contracts (npm run openapi -w @skr/pue-emulator),
// formatted by the repository's Prettier settings so `prettier --check .` stays clean.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { buildOpenApi } from './openapi';
import { toYaml } from './yaml';

/** Where the generated document lives. */
export const OPENAPI_PATH = fileURLToPath(new URL('../../docs/pue-openapi.yaml', import.meta.url));

/** The generated document text, with its do-not-edit header. */
export async function openApiYaml(): Promise<string> {
  const raw = `# Generated from protocol/src/pue.ts by pue-emulator/src/write-openapi.ts; do not edit.\n${toYaml(buildOpenApi())}`;
  const config = (await resolveConfig(OPENAPI_PATH)) ?? {};
  return format(raw, { ...config, parser: 'yaml' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OPENAPI_PATH, await openApiYaml());
  console.log(`wrote ${OPENAPI_PATH}`);
}
