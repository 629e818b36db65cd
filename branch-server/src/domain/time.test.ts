import { describe, expect, it } from 'vitest';
import { isoOf } from './time';

describe('isoOf', () => {
  it('writes what toISOString writes', () => {
    const day = Date.UTC(2026, 2, 2);
    const cases = [
      0,
      1,
      999,
      day - 1,
      day,
      day + 1,
      day + 86_399_999,
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    ];
    let seed = 12_345;
    for (let i = 0; i < 2000; i += 1) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      cases.push(day + (seed % (40 * 86_400_000)) - 20 * 86_400_000);
    }
    for (const ms of cases) expect(isoOf(ms)).toBe(new Date(ms).toISOString());
  });

  it('falls back to toISOString outside years 0–9999 and for fractions', () => {
    for (const ms of [-1, -86_400_001, Date.UTC(10_000, 0, 1), 1.5, 8.64e15])
      expect(isoOf(ms)).toBe(new Date(ms).toISOString());
    expect(() => isoOf(NaN)).toThrow(RangeError);
  });
});
