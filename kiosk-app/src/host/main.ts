// Browser host of the kiosk: `npx tsx kiosk-app/src/host/main.ts` (env: see docs/kiosk.md),
// then open the printed URL in `chromium --kiosk`. Without a stored credential the host shows a
// pairing code on that URL until the admin types it in the manager's devices view.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { credentialFile } from './credential-file';
import { startKioskHost, type KioskHost } from './host-server';
import { startKioskCredential } from './kiosk-credential';
import { configFromEnv, startKioskRuntime, type KioskRuntime } from './kiosk-runtime';
import { startPairingPage, type PairingPage } from './pairing-page';
import { pinnedFetch } from './pinned-fetch';

const cfg = configFromEnv(process.env, { pairs: true });
const dataDir = process.env.SKR_KIOSK_DATA_DIR ?? join(homedir(), '.local/share/skr-kiosk');
// The branch CA pinned: only a server certificate it signed is accepted (not the system store).
const caFile = process.env.SKR_BRANCH_CA;
const branchFetch = caFile ? pinnedFetch(readFileSync(caFile)) : undefined;
if (!caFile && cfg.branchUrl.startsWith('https:'))
  console.warn(
    '[kiosk] SKR_BRANCH_CA not set: the branch certificate is checked against the system store',
  );
let port = Number(process.env.SKR_KIOSK_PORT ?? 0);
let page: Promise<PairingPage> | undefined;
let stopping = false;
// Filled in once paired; a refusal may come before (a renewal at start).
const running: { runtime?: KioskRuntime; host?: KioskHost } = {};
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
    });
  },
  onRefused: () => {
    // Revoked: the credential is forgotten; a restart (systemd) shows a new pairing code.
    console.error('[kiosk] the branch refused this kiosk’s credential; restarting to pair again');
    void stop(75);
  },
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
running.runtime = runtime;
const host = await startKioskHost({
  services: runtime.services,
  branch: runtime.branch,
  port,
  log: (err, method) => console.error(`[kiosk] ${method} failed:`, (err as Error).message),
});
running.host = host;
console.log(`kiosk host: ${host.url}/kiosk/`);
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  credential.stop();
  await running.host?.close();
  await running.runtime?.close();
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
