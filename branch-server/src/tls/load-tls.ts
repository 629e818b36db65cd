import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** PEM material Fastify's `https` option takes. */
export interface TlsMaterial {
  cert: string | Buffer;
  key: string | Buffer;
  /** Intermediate or CA certificates sent along with the server's own. */
  ca?: string | Buffer | (string | Buffer)[];
}

/** Loaded TLS files plus what an operator needs to see at start. */
interface LoadedTls extends TlsMaterial {
  cert: Buffer;
  key: Buffer;
  /** End of the certificate's validity (ISO). */
  notAfter: string;
  /** Subject alternative names as `DNS:…` / `IP Address:…`. */
  subjectAltName: string;
}

/**
 * Reads a PEM certificate and key (SKR_TLS_CERT / SKR_TLS_KEY) and refuses at start, with a
 * message naming the file, what would fail later in a handshake: unreadable files, a key that
 * does not belong to the certificate, an expired certificate.
 */
export async function loadTls(
  certPath: string,
  keyPath: string,
  opts: { caPath?: string; now?: Date } = {},
): Promise<LoadedTls> {
  const read = (p: string, what: string) =>
    readFile(p).catch((e: unknown) => {
      throw new Error(`TLS ${what} ${p} cannot be read`, { cause: e });
    });
  const [cert, key, ca] = await Promise.all([
    read(certPath, 'certificate'),
    read(keyPath, 'key'),
    opts.caPath ? read(opts.caPath, 'CA certificate') : Promise.resolve(undefined),
  ]);
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch (e) {
    throw new Error(`TLS certificate ${certPath} is not a PEM certificate`, { cause: e });
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch (e) {
    throw new Error(`TLS key ${keyPath} is not an unencrypted PEM private key`, { cause: e });
  }
  if (!x509.checkPrivateKey(privateKey))
    throw new Error(`TLS key ${keyPath} does not belong to the certificate ${certPath}`);
  const notAfter = new Date(x509.validTo);
  if (notAfter <= (opts.now ?? new Date()))
    throw new Error(`TLS certificate ${certPath} expired on ${notAfter.toISOString()}`);
  return {
    cert,
    key,
    ...(ca ? { ca } : {}),
    notAfter: notAfter.toISOString(),
    subjectAltName: x509.subjectAltName ?? '',
  };
}
