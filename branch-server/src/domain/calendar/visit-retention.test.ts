import { describe, expect, it } from 'vitest';
import { decideVisitRetention } from './visit-retention';

describe('decideVisitRetention', () => {
  it("forgets persons of visits before the branch's local midnight of today", () => {
    // 23:30Z on 1 December is already 2 December in Warsaw (UTC+1).
    expect(decideVisitRetention(new Date('2026-12-01T23:30:00Z'), 'Europe/Warsaw')).toEqual({
      row: 'calendar-forget',
      before: '2026-12-01T23:00:00.000Z',
    });
    // Summer time: midnight is 22:00Z.
    expect(decideVisitRetention(new Date('2026-07-01T12:00:00Z'), 'Europe/Warsaw')).toEqual({
      row: 'calendar-forget',
      before: '2026-06-30T22:00:00.000Z',
    });
  });
});
