import { describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_HOURS, parseKioskHours } from './kiosk-runtime';

describe('SKR_KIOSK_HOURS', () => {
  it('"06:00-22:00" is every day; "2-5 07:00-20:00" Tuesday to Friday; nonsense is refused', () => {
    expect(parseKioskHours('06:00-22:00')).toEqual(DEFAULT_KIOSK_HOURS);
    expect(parseKioskHours(' 2-5 07:00-20:00 ')).toEqual({
      days: [2, 3, 4, 5],
      from: '07:00',
      to: '20:00',
    });
    expect(() => parseKioskHours('6-22')).toThrow(/SKR_KIOSK_HOURS/);
  });
});
