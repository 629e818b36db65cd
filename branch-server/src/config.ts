import { join, resolve } from 'node:path';
import { generateDemoPassword } from './seed/seed';

/** Settings of a branch server process, from the environment. */
export interface ServerConfig {
  dataDir: string;
  dbPath: string;
  port: number;
  host: string;
  seed: 'demo' | undefined;
  demoPassword: string | undefined;
  demoPasswordGenerated: boolean;
  /** The central portal, when SKR_PUE_URL is set. */
  pue: { url: string; branchId: string; branchKey: string } | undefined;
}

/**
 * Reads SKR_DATA_DIR, SKR_PORT, SKR_HOST, SKR_SEED, SKR_DEMO_PASSWORD and the portal's
 * SKR_PUE_URL, SKR_PUE_BRANCH_ID, SKR_PUE_BRANCH_KEY; throws on bad values.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = resolve(env.SKR_DATA_DIR ?? './data');
  const port = Number(env.SKR_PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`SKR_PORT must be a port number, got ${env.SKR_PORT}`);
  const seed = env.SKR_SEED === 'demo' ? 'demo' : undefined;
  if (env.SKR_SEED !== undefined && env.SKR_SEED !== '' && seed === undefined) {
    throw new Error(`SKR_SEED accepts only "demo", got ${env.SKR_SEED}`);
  }
  let demoPassword = env.SKR_DEMO_PASSWORD;
  if (demoPassword !== undefined && demoPassword.length < 12) {
    throw new Error('SKR_DEMO_PASSWORD needs at least 12 characters');
  }
  const pue = env.SKR_PUE_URL
    ? {
        url: env.SKR_PUE_URL,
        branchId: env.SKR_PUE_BRANCH_ID ?? '',
        branchKey: env.SKR_PUE_BRANCH_KEY ?? '',
      }
    : undefined;
  if (pue && (!pue.branchId || !pue.branchKey))
    throw new Error('SKR_PUE_URL needs SKR_PUE_BRANCH_ID and SKR_PUE_BRANCH_KEY');
  const generated = seed === 'demo' && demoPassword === undefined;
  if (generated) demoPassword = generateDemoPassword();
  return {
    dataDir,
    dbPath: join(dataDir, 'branch.sqlite'),
    port,
    host: env.SKR_HOST ?? '127.0.0.1',
    seed,
    demoPassword: seed === 'demo' ? demoPassword : undefined,
    demoPasswordGenerated: generated,
    pue,
  };
}
