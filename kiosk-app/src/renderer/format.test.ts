import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime, kioskClock } from './format';

// 2026-12-01 23:30 UTC is already 2 December in Warsaw, still 1 December in New York.
const AT = '2026-12-01T23:30:00Z';

describe('kiosk dates follow the branch zone', () => {
  it('formats in Warsaw until the branch answers, then in the zone it is configured with', () => {
    expect(formatDateTime(AT)).toBe('02.12.2026, 00:30');
    kioskClock.sync({ now: AT, timeZone: 'America/New_York', offsetMinutes: -300 });
    expect(formatTime(AT)).toBe('18:30');
    expect(formatDate(AT)).toBe('01.12.2026');
    // A calendar day stays that day in any zone.
    expect(formatDate('2026-12-05')).toBe('05.12.2026');
  });
});
