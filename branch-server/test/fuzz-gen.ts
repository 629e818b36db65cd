import type { Rng } from '../src/sim/prng';

/** Strings that break naive parsers: control bytes, unicode, SQL and path tricks, huge ones. */
const nasty = [
  '',
  ' ',
  '\u0000',
  '\uffff',
  '\ud800',
  'zażółć gęślą jaźń',
  '💥'.repeat(50),
  "'; DROP TABLE tickets; --",
  '../../etc/passwd',
  '%00',
  '__proto__',
  'constructor',
  'A001',
  'ogolne',
  'emerytury',
  'pregnancy',
  'pl',
  '2026-11-23',
  '2026-11-23T09:00:00Z',
  'NaN',
  '-1',
  '1e309',
  'x'.repeat(70_000),
];

/** A random JSON-ish value up to `depth` levels deep, biased towards the troublesome. */
export function randomValue(rng: Rng, depth = 3): unknown {
  const k = rng.int(depth > 0 ? 12 : 9);
  switch (k) {
    case 0:
      return null;
    case 1:
      return rng.next() < 0.5;
    case 2:
      return rng.pick([0, -1, 1, 2 ** 53, -(2 ** 63), 1.5, 1e308, -0]);
    case 3:
      return rng.int(1000);
    case 4:
    case 5:
      return rng.pick(nasty);
    case 6:
      return randomString(rng);
    case 7:
      return undefined;
    case 8:
      return rng.pick([999, 1, 12, 'ABC123', 'BK0001']);
    case 9:
      return Array.from({ length: rng.int(5) }, () => randomValue(rng, depth - 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = rng.int(5); i > 0; i -= 1) o[randomKey(rng)] = randomValue(rng, depth - 1);
      return o;
    }
  }
}

const keys = [
  'serviceId',
  'priority',
  'bookingCode',
  'lang',
  'code',
  'bookedFor',
  'reason',
  'counterId',
  'position',
  'username',
  'password',
  'kind',
  'name',
  'component',
  'ok',
  'message',
  'login',
  'attemptId',
  'formCode',
  'contentB64',
  'pages',
  '__proto__',
  'constructor',
];

function randomKey(rng: Rng): string {
  return rng.next() < 0.8 ? rng.pick(keys) : randomString(rng);
}

/** Random printable-and-not text of 0–40 characters. */
export function randomString(rng: Rng): string {
  let s = '';
  for (let i = rng.int(40); i > 0; i -= 1) s += String.fromCharCode(rng.int(0x3000));
  return s;
}

/** Raw bytes of 0–`max` length. */
export function randomBytes(rng: Rng, max: number): Uint8Array {
  const b = new Uint8Array(rng.int(max + 1));
  for (let i = 0; i < b.length; i += 1) b[i] = rng.int(256);
  return b;
}

/** A valid-looking body with one field changed: gets past the first checks more often. */
export function mutate(rng: Rng, template: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...template };
  const fields = Object.keys(out);
  const roll = rng.int(4);
  if (roll === 0 && fields.length) out[rng.pick(fields)] = randomValue(rng, 1);
  else if (roll === 1 && fields.length) delete out[rng.pick(fields)];
  else if (roll === 2) out[randomKey(rng)] = randomValue(rng, 1);
  return out;
}
