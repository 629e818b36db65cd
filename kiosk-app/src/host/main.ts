// Browser host of the kiosk: `npx tsx kiosk-app/src/host/main.ts` (env: see docs/kiosk.md),
// then open the printed URL in `chromium --kiosk`. Without a stored credential the host shows a
// pairing code on that URL until the admin types it in the manager's devices view.
import { startKioskHost, type KioskHost } from './host-server';
import { startPairedKiosk, type PairedKiosk } from './paired-kiosk';

let stopping = false;
// Filled in once paired; a refusal may come before (a renewal at start).
const running: { paired?: PairedKiosk; host?: KioskHost } = {};
const paired = await startPairedKiosk({
  port: Number(process.env.SKR_KIOSK_PORT ?? 0),
  onRefused: () => {
    // Revoked: the credential is forgotten; a restart (systemd) shows a new pairing code.
    console.error('[kiosk] the branch refused this kiosk’s credential; restarting to pair again');
    void stop(75);
  },
});
running.paired = paired;
const host = await startKioskHost({
  services: paired.runtime.services,
  branch: paired.runtime.branch,
  port: paired.port,
  log: (err, method) => console.error(`[kiosk] ${method} failed:`, (err as Error).message),
});
running.host = host;
console.log(`kiosk host: ${host.url}/kiosk/`);
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  running.paired?.stop();
  await running.host?.close();
  await running.paired?.runtime.close();
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
