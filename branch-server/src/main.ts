import { readConfig } from './config';
import { buildServer } from './http/server';
import { createLogger } from './logger';

// Entry point of `npm run branch-server`: one branch server on embedded defaults.
const log = createLogger('branch-server');
const config = readConfig();
const server = await buildServer({
  dbPath: config.dbPath,
  demoPassword: config.demoPassword,
  logger: log,
  sync: config.pue,
});
const url = await server.listen(config.port, config.host);
log.info({ url, dataDir: config.dataDir }, 'branch server listening');
console.log(`SKR branch server: ${url}  (data: ${config.dbPath})`);
if (config.seed === 'demo') {
  console.log(`Demo users: admin, kierownik, urzednik1…urzednik12`);
  if (config.demoPasswordGenerated)
    console.log(`Demo password (generated, shown once): ${config.demoPassword}`);
}
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  });
}
