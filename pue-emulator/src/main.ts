// `npm start`: the emulator with demo data on PUE_PORT (default 8090).
// Environment: PUE_PORT, PUE_HOST (127.0.0.1), PUE_DB (./data/pue-emulator.sqlite),
// PUE_BRANCH_KEYS ("branchId=key,..."; default demo-branch=demo-branch-key),
// PUE_CA_CERTS (comma-separated PEM files of trusted ID-card CAs), PUE_LOG_LEVEL (info).
// The demo "phone" and "mailbox" is this console: verification codes are printed here (never
// to the pino log), and also served at GET /__emulator/outbox.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Level } from 'pino';
import { DEMO_LOGINS, DEMO_PASSWORD, startPueEmulator } from './index';
import { maskDestination } from './pesel';

function branchKeys(spec: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (spec ?? 'demo-branch=demo-branch-key').split(',')) {
    const [id, key] = pair.split('=').map((s) => s.trim());
    if (!id || !key) throw new Error(`PUE_BRANCH_KEYS: expected branchId=key, got "${pair}"`);
    out[id] = key;
  }
  return out;
}

async function main(): Promise<void> {
  const dbPath = resolve(process.env.PUE_DB ?? 'data/pue-emulator.sqlite');
  mkdirSync(dirname(dbPath), { recursive: true });
  const caFiles = (process.env.PUE_CA_CERTS ?? '').split(',').filter(Boolean);
  const keys = branchKeys(process.env.PUE_BRANCH_KEYS);
  const emulator = await startPueEmulator({
    port: Number(process.env.PUE_PORT ?? 8090),
    host: process.env.PUE_HOST ?? '127.0.0.1',
    dbPath,
    caCertsPem: caFiles.map((f) => readFileSync(f, 'utf8')),
    branchKeys: keys,
    seed: 'demo',
    log: { level: (process.env.PUE_LOG_LEVEL as Level | undefined) ?? 'info' },
    onOutboxMessage: (m) => {
      console.log(
        `\n[${m.channel === 'sms' ? 'SMS' : 'e-mail'} do ${maskDestination(m.to)}] ${m.text}\n`,
      );
    },
  });
  console.log(`pue-emulator listening on ${emulator.url} (database ${dbPath})`);
  console.log(`demo password for every demo login: ${DEMO_PASSWORD}`);
  for (const d of DEMO_LOGINS) {
    console.log(
      `  ${d.login.padEnd(18)} ${d.name.padEnd(18)} code by ${d.channel.padEnd(5)} ${d.what}`,
    );
  }
  console.log(`branches: ${Object.keys(keys).join(', ')} (send x-branch-key)`);
  console.log(`trusted ID-card CAs: ${caFiles.length || 'none (set PUE_CA_CERTS)'}`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
