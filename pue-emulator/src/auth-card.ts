// ID-card login by challenge–response. The contract is shared with card-reader (keep exact):
// 32 random bytes bound to a short-lived attempt; the card signs them with ECDSA P-256/SHA-256,
// raw r||s (IEEE P1363); the certificate must chain to a configured CA, be within its validity
// dates, and name the person as subject serialNumber=PNOPL-<PESEL>.
import { X509Certificate, randomBytes, verify } from 'node:crypto';
import type { PueCardChallenge, PueCardLoginRequest } from '@skr/protocol';
import { SkrError } from '@skr/protocol';
import { isoIn, nowIso, type PueContext } from './context';
import { newId } from './secrets';

/** Issues a fresh 32-byte challenge bound to a new card login attempt. */
export function issueCardChallenge(ctx: PueContext): PueCardChallenge {
  const challengeId = newId('chl');
  const challenge = randomBytes(32);
  const expiresAt = isoIn(ctx, ctx.cardChallengeTtlMs);
  ctx.db
    .prepare(
      `INSERT INTO login_attempts (id, kind, challenge, expires_at) VALUES (?, 'card', ?, ?)`,
    )
    .run(challengeId, challenge, expiresAt);
  return { challengeId, challengeB64: challenge.toString('base64'), expiresAt };
}

/** The PESEL named by the certificate subject `serialNumber=PNOPL-<PESEL>`, if any. */
export function peselFromSubject(subject: string): string | undefined {
  for (const line of subject.split('\n')) {
    const m = /^serialNumber=PNOPL-(\d{11})$/.exec(line.trim());
    if (m?.[1]) return m[1];
  }
  return undefined;
}

function parseCertificate(pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch (cause) {
    throw new SkrError('INVALID', 'certificatePem is not an X.509 certificate', { cause });
  }
}

/** Checks that `cert` was issued and signed by one of the trusted CAs and is valid at `now`. */
export function checkChain(cert: X509Certificate, caCertsPem: string[], now: Date): void {
  const t = now.getTime();
  if (t < Date.parse(cert.validFrom) || t > Date.parse(cert.validTo)) {
    throw new SkrError('UNAUTHORIZED', 'Card certificate is not valid at this time');
  }
  const trusted = caCertsPem.some((pem) => {
    const ca = new X509Certificate(pem);
    return cert.checkIssued(ca) && cert.verify(ca.publicKey);
  });
  if (!trusted) throw new SkrError('UNAUTHORIZED', 'Card certificate is not from a trusted CA');
}

/** Verifies a signed challenge and returns the PESEL of the card holder (attempt is single use). */
export function verifyCardLogin(ctx: PueContext, req: PueCardLoginRequest): string {
  const row = ctx.db
    .prepare(
      `SELECT challenge, used, expires_at FROM login_attempts WHERE id = ? AND kind = 'card'`,
    )
    .get(req.challengeId) as { challenge: Buffer; used: number; expires_at: string } | undefined;
  if (!row || row.used) throw new SkrError('UNAUTHORIZED', 'Challenge not found or used');
  // Spend the challenge before checking anything: one signature attempt per challenge.
  ctx.db.prepare('UPDATE login_attempts SET used = 1 WHERE id = ?').run(req.challengeId);
  if (row.expires_at <= nowIso(ctx)) throw new SkrError('UNAUTHORIZED', 'Challenge expired');

  const cert = parseCertificate(req.certificatePem);
  checkChain(cert, ctx.caCertsPem, ctx.now());
  const details = cert.publicKey.asymmetricKeyDetails;
  if (cert.publicKey.asymmetricKeyType !== 'ec' || details?.namedCurve !== 'prime256v1') {
    throw new SkrError('UNAUTHORIZED', 'Card key is not ECDSA P-256');
  }
  const signature = Buffer.from(req.signatureB64, 'base64');
  const ok =
    signature.length === 64 &&
    verify('sha256', row.challenge, { key: cert.publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  if (!ok) throw new SkrError('UNAUTHORIZED', 'Challenge signature does not verify');
  const pesel = peselFromSubject(cert.subject);
  if (!pesel) throw new SkrError('UNAUTHORIZED', 'Certificate subject names no PESEL');
  return pesel;
}
