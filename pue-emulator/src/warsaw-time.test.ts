import { describe, expect, it } from 'vitest';
import { isRealDate, warsawDate, warsawToInstant } from './warsaw-time';

describe('Europe/Warsaw wall clock', () => {
  it('converts in winter (UTC+1) and summer (UTC+2)', () => {
    expect(warsawToInstant('2025-01-15', '09:00').toISOString()).toBe('2025-01-15T08:00:00.000Z');
    expect(warsawToInstant('2025-07-15', '09:00').toISOString()).toBe('2025-07-15T07:00:00.000Z');
  });
  it('handles the days the clocks change', () => {
    expect(warsawToInstant('2025-03-30', '08:00').toISOString()).toBe('2025-03-30T06:00:00.000Z');
    expect(warsawToInstant('2025-10-26', '08:00').toISOString()).toBe('2025-10-26T07:00:00.000Z');
  });
  it('gives the Warsaw date of an instant near midnight', () => {
    expect(warsawDate(new Date('2025-03-09T23:30:00Z'))).toBe('2025-03-10');
  });
  it('rejects impossible days', () => {
    expect(isRealDate('2025-02-29')).toBe(false);
    expect(isRealDate('2024-02-29')).toBe(true);
  });
});
