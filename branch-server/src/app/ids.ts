import { randomBytes } from 'node:crypto';

/**
 * A UUID version 7: 48 bits of milliseconds then 74 random bits. Time-ordered ids append to
 * the end of the tickets index instead of touching a random page per insert, and stay
 * unguessable for the public follow-the-line link.
 */
export function uuidv7(now: Date): string {
  const b = randomBytes(16);
  const ms = BigInt(now.getTime());
  for (let i = 0; i < 6; i += 1) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
