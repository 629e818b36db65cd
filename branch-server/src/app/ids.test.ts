import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids';

describe('uuidv7', () => {
  it('is a version 7 UUID whose first 48 bits are the milliseconds', () => {
    const at = new Date('2026-11-30T18:30:00.123Z');
    const id = uuidv7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at.getTime());
  });

  it('orders by time and never repeats within a millisecond', () => {
    const t = new Date('2026-11-30T18:30:00.123Z');
    const same = Array.from({ length: 2000 }, () => uuidv7(t));
    expect(new Set(same).size).toBe(2000);
    expect(uuidv7(new Date(t.getTime() + 1)) > same.reduce((a, b) => (a > b ? a : b))).toBe(true);
  });
});
