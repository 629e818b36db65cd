import { startTempPueEmulator, type PueEmulatorOptions } from '@skr/pue-emulator';

/**
 * The portal stand-in for the national benches: `branches` branches known as `o-<i>` with the
 * key `key-<i>`, its own temp database; `stop()` closes it and removes the database.
 */
export async function startBenchPortal(
  branches: number,
  opts: Pick<PueEmulatorOptions, 'now' | 'seed'> = {},
) {
  return startTempPueEmulator({
    branchKeys: Object.fromEntries(
      Array.from({ length: branches }, (_, i) => [`o-${i}`, `key-${i}`]),
    ),
    ...opts,
  });
}
