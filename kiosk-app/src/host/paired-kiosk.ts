import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { credentialFile } from './credential-file';
import { startKioskCredential } from './kiosk-credential';
import { configFromEnv, startKioskRuntime, type KioskRuntime } from './kiosk-runtime';
import { startPairingPage, type PairingPage } from './pairing-page';
import { pinnedFetch } from './pinned-fetch';

/** Options of {@link startPairedKiosk}. */
interface PairedKioskOptions {
  env?: NodeJS.ProcessEnv;
  /** The local port the kiosk's screen uses (the pairing page first, then the kiosk app). */
  port?: number;
  /** The pairing page is up and shows `code` (the Electron shell opens its window there). */
  onPairing?: (url: string, code: string) => void;
  /** The branch refused the credential (revoked): the caller restarts, which pairs again. */
  onRefused: () => void;
}

/** A kiosk with a credential of its own, its devices and branch client running. */
export interface PairedKiosk {
  runtime: KioskRuntime;
  /** The port the pairing page used (the host takes it over, so the screen's origin stays). */
  port: number;
  stop(): void;
}

/**
 * The one start of a kiosk station, for the browser host and the Electron shell alike: the
 * branch CA pinned (SKR_BRANCH_CA: only a server certificate it signed is accepted), the
 * credential kept in a 0600 file and renewed, and — without one — a pairing code on the screen
 * until the admin types it in. SKR_KIOSK_TOKEN is accepted once as a starting credential.
 */
export async function startPairedKiosk(opts: PairedKioskOptions): Promise<PairedKiosk> {
  const env = opts.env ?? process.env;
  const cfg = configFromEnv(env, { pairs: true });
  const dataDir = env.SKR_KIOSK_DATA_DIR ?? join(homedir(), '.local/share/skr-kiosk');
  const caFile = env.SKR_BRANCH_CA;
  const branchFetch = caFile ? pinnedFetch(readFileSync(caFile)) : undefined;
  if (!caFile && cfg.branchUrl.startsWith('https:'))
    console.warn(
      '[kiosk] SKR_BRANCH_CA not set: the branch certificate is checked against the system store',
    );
  let port = opts.port ?? 0;
  let page: Promise<PairingPage> | undefined;
  const credential = await startKioskCredential({
    branchUrl: cfg.branchUrl,
    fetch: branchFetch,
    file: credentialFile(join(dataDir, 'credential.json')),
    initialToken:
      typeof cfg.deviceToken === 'string' && cfg.deviceToken ? cfg.deviceToken : undefined,
    onCode: (c) => {
      page ??= startPairingPage(port);
      void page.then((p) => {
        p.show(c.code);
        console.log(`kiosk pairing code: ${c.code} (screen: ${p.url}/kiosk/)`);
        opts.onPairing?.(`${p.url}/kiosk/`, c.code);
      });
    },
    onRefused: opts.onRefused,
  });
  if (page) {
    const p = await page;
    port = p.port;
    await p.close();
  }
  const runtime = await startKioskRuntime({
    ...cfg,
    deviceToken: credential.token,
    fetch: branchFetch,
  });
  return { runtime, port, stop: () => credential.stop() };
}
