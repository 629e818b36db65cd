// Owned by branch-server/src/sync. The branch keeps only a keyed hash of the PESEL from the
// bookings feed; the key ('pesel-hmac-key' in settings) is made lazily by sync/pesel-hash.ts
// with Node's CSPRNG.
/** Step 4: check-in by ID card (hashed PESEL on bookings). */
export const peselHash = `
  ALTER TABLE bookings ADD COLUMN pesel_hash TEXT;
  CREATE INDEX bookings_pesel ON bookings(pesel_hash) WHERE pesel_hash IS NOT NULL;
  `;
