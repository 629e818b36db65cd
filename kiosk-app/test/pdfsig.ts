// poppler's pdfsig as the independent verifier of our PAdES signatures. It trusts a CA
// through an NSS database, made here with certutil (Debian libnss3-tools) in a temp dir.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What pdfsig said about a file. */
export interface PdfsigReport {
  output: string;
  /** "Signature is Valid." */
  valid: boolean;
  /** "Certificate is Trusted." (the chain to the CA given). */
  trusted: boolean;
}

/** Runs `pdfsig` on `pdf` with `caCertPem` as the only trusted CA; bounded to 20 s. */
export async function pdfsig(pdf: Buffer, caCertPem: string): Promise<PdfsigReport> {
  const dir = mkdtempSync(join(tmpdir(), 'skr-pdfsig-'));
  try {
    const db = `sql:${join(dir, 'nss')}`;
    writeFileSync(join(dir, 'ca.pem'), caCertPem);
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    await run('mkdir', [join(dir, 'nss')]);
    await run('certutil', ['-N', '-d', db, '--empty-password'], { timeout: 20_000 });
    await run(
      'certutil',
      ['-A', '-d', db, '-n', 'skr-test-ca', '-t', 'CT,C,C', '-i', join(dir, 'ca.pem')],
      {
        timeout: 20_000,
      },
    );
    // pdfsig exits non-zero for an invalid signature; its report is what we read either way.
    const out = await run('pdfsig', ['-nssdir', db, join(dir, 'doc.pdf')], {
      timeout: 20_000,
    }).catch((e: { stdout?: string; stderr?: string }) => ({
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    }));
    const output = `${out.stdout}${out.stderr}`;
    return {
      output,
      valid: /Signature Validation: Signature is Valid\./.test(output),
      trusted: /Certificate Validation: Certificate is Trusted\./.test(output),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
