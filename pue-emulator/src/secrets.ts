// Random identifiers, codes and password hashing. Everything secret is generated with the
// CSPRNG and stored only as a hash, so a copied database does not leak live codes or tokens.
import { createHash, randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';

/** A random opaque identifier with a readable prefix, e.g. `att_3f9c…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

/** A 6-digit verification code (leading zeros kept). */
export function newVerificationCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

// No 0/O, 1/I/L: clients read these codes aloud and type them at the kiosk.
const BOOKING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A 6-character booking confirmation code without ambiguous characters. */
export function newBookingCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += BOOKING_ALPHABET[randomInt(0, BOOKING_ALPHABET.length)];
  return code;
}

/** A bearer session token (256 bits, base64url). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 hex of a string or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

// scrypt N=2^14 keeps a demo login fast (~30 ms) while still being a real password KDF.
const SCRYPT = { N: 16384, r: 8, p: 1 };

/** Hashes a password as `scrypt$<salt hex>$<hash hex>`. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, 32, SCRYPT);
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`;
}

/** True when `password` matches a hash made by hashPassword. */
export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const hash = scryptSync(password.normalize('NFC'), Buffer.from(saltHex, 'hex'), 32, SCRYPT);
  return sameHash(hash.toString('hex'), hashHex);
}
