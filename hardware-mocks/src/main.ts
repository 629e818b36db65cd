// `npm run emulators`: every device emulator of a branch, printing where each listens.
// (`npm start` starts them too, together with the branch server.)
import { resolve } from 'node:path';
import { startAllEmulators } from './start-all';

const emulators = await startAllEmulators({
  dataDir: resolve(process.env.SKR_DATA_DIR ?? './data'),
  printerPort: Number(process.env.SKR_PRINTER_PORT ?? 9100),
  ledAddresses: [...Array.from({ length: 12 }, (_, i) => i + 1), 200],
  idCard: { pin: '1234', holder: { pesel: '85010112345', givenName: 'Anna', surname: 'Kowalska' } },
});
for (const line of emulators.describe()) console.log(line);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => void emulators.close().then(() => process.exit(0)));
}
