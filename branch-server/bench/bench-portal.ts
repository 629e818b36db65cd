import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPueEmulator, type PueEmulatorOptions } from '@skr/pue-emulator';

/**
 * The portal stand-in for the national benches: `branches` branches known as `o-<i>` with the
 * key `key-<i>`, its own temp database; `stop()` closes it and removes the database.
 */
export async function startBenchPortal(
  branches: number,
  opts: Pick<PueEmulatorOptions, 'now' | 'seed'> = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'skr-bench-portal-'));
  const pue = await startPueEmulator({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dir, 'pue.sqlite'),
    caCertsPem: [],
    branchKeys: Object.fromEntries(
      Array.from({ length: branches }, (_, i) => [`o-${i}`, `key-${i}`]),
    ),
    log: { level: 'silent' },
    ...opts,
  });
  return Object.assign(pue, {
    async stop() {
      await pue.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}
