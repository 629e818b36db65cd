import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPueEmulator, type PueEmulator, type PueEmulatorOptions } from './index';

/** What a temporary stand-in takes: everything but where it listens and stores. */
export type TempPueEmulatorOptions = Omit<
  PueEmulatorOptions,
  'port' | 'host' | 'dbPath' | 'caCertsPem' | 'log'
> &
  Partial<Pick<PueEmulatorOptions, 'caCertsPem' | 'log'>>;

/**
 * A stand-in for tests and benches: on a free loopback port, with its own database in a new
 * temp folder, silent unless told; `stop()` closes it and removes the folder.
 */
export async function startTempPueEmulator(
  opts: TempPueEmulatorOptions,
): Promise<PueEmulator & { dir: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'skr-pue-'));
  const pue = await startPueEmulator({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dir, 'pue.sqlite'),
    caCertsPem: [],
    log: { level: 'silent' },
    ...opts,
  }).catch((e: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  return Object.assign(pue, {
    dir,
    async stop() {
      await pue.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}
