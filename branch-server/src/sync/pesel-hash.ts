import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../store';

/** Key of the branch's PESEL hashing secret in the `settings` table. */
const PESEL_KEY_SETTING = 'pesel-hmac-key';

/** Turns a PESEL into the branch's keyed hash of it (hex); the only form the branch stores. */
type PeselHasher = (pesel: string) => string;

/**
 * The branch's PESEL hasher: HMAC-SHA256 under a random 32-byte secret made once per branch
 * database and kept in `settings`. A plain SHA-256 of an 11-digit number with a check digit
 * is reversed by trying all of them in minutes; without the secret the hashes are useless to
 * whoever copies the bookings table, and they differ from every other branch's.
 *
 * Call it outside a transaction (at start-up): the secret is written and read at once, so a
 * later rolled-back transaction can never leave memory holding a secret the disk does not.
 */
export function peselHasher(db: Db): PeselHasher {
  if (db.inTransaction) throw new Error('peselHasher must be created outside a transaction');
  // Two processes on one database may race here; ON CONFLICT keeps whichever came first.
  db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`).run(
    PESEL_KEY_SETTING,
    randomBytes(32).toString('hex'),
  );
  const row = db.prepare(`SELECT value FROM settings WHERE key = ?`).get(PESEL_KEY_SETTING) as
    { value: string } | undefined;
  const key = Buffer.from(row?.value ?? '', 'hex');
  if (key.length !== 32) throw new Error(`settings.${PESEL_KEY_SETTING} is not 32 bytes of hex`);
  return (pesel) => createHmac('sha256', key).update(pesel, 'utf8').digest('hex');
}
