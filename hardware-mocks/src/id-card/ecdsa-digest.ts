// ECDSA P-256 over a digest the caller already computed, as a card's signature key does.
// WebCrypto and node:crypto always hash the input themselves (sign(null, …) hashes with
// SHA-256 too), so the virtual card does the one step they hide: k·G comes from OpenSSL's
// ECDH (a scalar multiplication), the rest is modular arithmetic on BigInt.
import { createECDH, randomBytes, webcrypto } from 'node:crypto';

/** Order of the P-256 base point. */
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

const toBig = (b: Uint8Array): bigint => BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);
const to32 = (n: bigint): Buffer => Buffer.from(n.toString(16).padStart(64, '0'), 'hex');
const mod = (a: bigint): bigint => ((a % N) + N) % N;

function modPow(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % N;
    b = (b * b) % N;
  }
  return result;
}

/** The private scalar of an extractable P-256 WebCrypto key. */
export async function privateScalar(key: webcrypto.CryptoKey): Promise<bigint> {
  const jwk = await webcrypto.subtle.exportKey('jwk', key);
  if (!jwk.d) throw new Error('not a private EC key');
  return toBig(Buffer.from(jwk.d, 'base64url'));
}

/**
 * Signs a 32-byte digest with scalar `d` and returns raw r||s (IEEE P1363, 64 bytes); a
 * verifier checks it as ECDSA with SHA-256 over the message the digest was made from.
 */
export function signDigestP256(d: bigint, digest: Uint8Array): Buffer {
  if (digest.length !== 32) throw new RangeError('digest must be 32 bytes');
  const e = toBig(digest);
  for (;;) {
    const k = toBig(randomBytes(32));
    if (k === 0n || k >= N) continue;
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(to32(k));
    // Uncompressed point 04 || X || Y: r is X mod n.
    const r = mod(toBig(ecdh.getPublicKey().subarray(1, 33)));
    if (r === 0n) continue;
    const s = mod(modPow(k, N - 2n) * (e + r * d));
    if (s === 0n) continue;
    return Buffer.concat([to32(r), to32(s)]);
  }
}
