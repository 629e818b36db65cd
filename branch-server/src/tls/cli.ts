// Makes the branch's TLS files at install time (or for a technician's re-issue):
//   npx tsx branch-server/src/tls/cli.ts --dir /etc/skr/tls --host skr.oddzial.local --host 10.20.30.40
// An existing CA in --dir is kept (devices already trust it); only the server certificate is
// made again. Prints the CA's SHA-256 fingerprint so a technician can compare it on each device.
import { X509Certificate } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeBranchCa, makeServerCert } from './branch-ca';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '/etc/skr/tls' },
    host: { type: 'string', multiple: true },
    name: { type: 'string', default: 'SKR Branch CA' },
    days: { type: 'string' },
  },
});

const dir = values.dir;
const hosts = values.host ?? ['localhost', '127.0.0.1'];
const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );
const ca = { certPath: join(dir, 'ca.crt'), keyPath: join(dir, 'ca.key') };
if (!((await exists(ca.certPath)) && (await exists(ca.keyPath)))) {
  await makeBranchCa({ dir, name: values.name });
  console.log(`branch CA made: ${ca.certPath}`);
} else {
  console.log(`branch CA kept: ${ca.certPath}`);
}
const server = await makeServerCert({
  dir,
  ca,
  hosts,
  days: values.days ? Number(values.days) : undefined,
});
const fp = new X509Certificate(await readFile(ca.certPath)).fingerprint256;
console.log(
  `server certificate for ${hosts.join(', ')}: ${server.certPath} (key ${server.keyPath})`,
);
console.log(`CA fingerprint (SHA-256), compare on every device: ${fp}`);
