import { randomBytes, X509Certificate } from 'node:crypto';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { openssl } from './openssl';

/** Where a made certificate and its key were written. */
export interface CertFiles {
  certPath: string;
  keyPath: string;
}

/** Options of a branch certificate authority. */
interface BranchCaOptions {
  /** Folder for `ca.crt` and `ca.key` (created if missing). */
  dir: string;
  /** Shown on the certificate, e.g. "ZUS Oddział Warszawa-Wola". */
  name?: string;
  /** Lifetime in days; ten years by default (the CA is installed once per device). */
  days?: number;
}

// P-256: every browser, Node and Electron accept it, and it signs faster than RSA on a branch PC.
const KEY_ARGS = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/** Creates `path` empty and owner-only, so openssl writes the key into a file never world-readable. */
async function privateFile(path: string): Promise<void> {
  await rm(path, { force: true });
  await writeFile(path, '', { mode: 0o600 });
}

/** A positive 128-bit serial (RFC 5280 wants unique, unpredictable serials). */
function serial(): string {
  const b = randomBytes(16);
  b[0] = b[0]! & 0x7f;
  return `0x${b.toString('hex')}`;
}

/** The subject value with the characters that openssl's -subj syntax treats specially escaped. */
function subjectValue(v: string): string {
  return v.replace(/[\\/=+,]/g, (c) => `\\${c}`);
}

/**
 * Makes the branch's own certificate authority with `openssl` (no network): `ca.crt` is what
 * screens, kiosks and desk PCs trust; `ca.key` stays on the branch server, readable by its owner
 * only, and signs server certificates.
 */
export async function makeBranchCa(opts: BranchCaOptions): Promise<CertFiles> {
  await mkdir(opts.dir, { recursive: true });
  const certPath = join(opts.dir, 'ca.crt');
  const keyPath = join(opts.dir, 'ca.key');
  await privateFile(keyPath);
  await openssl([
    'req',
    '-x509',
    ...KEY_ARGS,
    '-keyout',
    keyPath,
    '-out',
    certPath,
    '-days',
    String(opts.days ?? 3650),
    '-sha256',
    '-set_serial',
    serial(),
    '-subj',
    `/O=ZUS/CN=${subjectValue(opts.name ?? 'SKR Branch CA')}`,
    // pathlen:0 — the branch CA signs server certificates only, never another CA.
    '-addext',
    'basicConstraints=critical,CA:TRUE,pathlen:0',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-addext',
    'subjectKeyIdentifier=hash',
  ]);
  await chmod(keyPath, 0o600);
  return { certPath, keyPath };
}

/** Options of a server certificate signed by the branch CA. */
interface ServerCertOptions {
  /** Folder for `server.crt` and `server.key`. */
  dir: string;
  ca: CertFiles;
  /** Host names and IP addresses devices use to reach the server (first one is the CN). */
  hosts: string[];
  /** Lifetime in days; 825 by default (the longest that every client still accepts). */
  days?: number;
  /** File name stem; `server` by default. */
  name?: string;
}

/**
 * Makes a server certificate for `hosts` signed by the branch CA (serverAuth only, SANs for
 * every name and address) and checks that it verifies against that CA before returning.
 */
export async function makeServerCert(opts: ServerCertOptions): Promise<CertFiles> {
  if (opts.hosts.length === 0) throw new Error('makeServerCert needs at least one host');
  for (const h of opts.hosts) {
    if (
      !isIP(h) &&
      !/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(h)
    )
      throw new Error(`not a host name or IP address: ${h}`);
  }
  await mkdir(opts.dir, { recursive: true });
  const stem = opts.name ?? 'server';
  const certPath = join(opts.dir, `${stem}.crt`);
  const keyPath = join(opts.dir, `${stem}.key`);
  const csrPath = join(opts.dir, `${stem}.csr`);
  const extPath = join(opts.dir, `${stem}.ext`);
  const san = opts.hosts.map((h) => (isIP(h) ? `IP:${h}` : `DNS:${h}`)).join(',');
  await writeFile(
    extPath,
    [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      `subjectAltName=${san}`,
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid',
      '',
    ].join('\n'),
  );
  try {
    await privateFile(keyPath);
    await openssl([
      'req',
      '-new',
      ...KEY_ARGS,
      '-keyout',
      keyPath,
      '-out',
      csrPath,
      '-subj',
      `/O=ZUS/CN=${subjectValue(opts.hosts[0]!)}`,
    ]);
    await chmod(keyPath, 0o600);
    await openssl([
      'x509',
      '-req',
      '-in',
      csrPath,
      '-CA',
      opts.ca.certPath,
      '-CAkey',
      opts.ca.keyPath,
      '-set_serial',
      serial(),
      '-days',
      String(opts.days ?? 825),
      '-sha256',
      '-extfile',
      extPath,
      '-out',
      certPath,
    ]);
    await openssl(['verify', '-CAfile', opts.ca.certPath, certPath]);
  } finally {
    await rm(csrPath, { force: true });
    await rm(extPath, { force: true });
  }
  return { certPath, keyPath };
}

/** The names and addresses a certificate is valid for, as `X509Certificate` reports them. */
export function certificateHosts(pem: string | Buffer): string[] {
  const san = new X509Certificate(pem).subjectAltName ?? '';
  return san
    .split(', ')
    .filter(Boolean)
    .map((e) => e.replace(/^(DNS|IP Address):/, ''));
}
