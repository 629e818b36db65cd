import { randomUUID } from 'node:crypto';

/**
 * A UUID version 7: 48 bits of milliseconds then 74 random bits. Time-ordered ids append to
 * the end of the tickets index instead of touching a random page per insert, and stay
 * unguessable for the public follow-the-line link.
 */
export function uuidv7(now: Date): string {
  // randomUUID draws from Node's pooled random bytes (a v4 id: random but for the version
  // nibble and the variant bits); randomBytes(16) asked the system for each id. The v4 id's
  // 74 random bits after the version nibble stay; its first 48 bits become the time.
  const r = randomUUID();
  const h = now.getTime().toString(16).padStart(12, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${r.slice(15)}`;
}
