// Browser host of the kiosk: `npx tsx kiosk-app/src/host/main.ts` (env: see docs/kiosk.md),
// then open the printed URL in `chromium --kiosk`.
import { startKioskHost } from './host-server';
import { configFromEnv, startKioskRuntime } from './kiosk-runtime';

const runtime = await startKioskRuntime(configFromEnv());
const host = await startKioskHost({
  services: runtime.services,
  branch: runtime.branch,
  port: Number(process.env.SKR_KIOSK_PORT ?? 0),
  log: (err, method) => console.error(`[kiosk] ${method} failed:`, (err as Error).message),
});
console.log(`kiosk host: ${host.url}/kiosk/`);
const stop = async () => {
  await host.close();
  await runtime.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
