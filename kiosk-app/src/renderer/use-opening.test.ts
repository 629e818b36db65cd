import { describe, expect, it } from 'vitest';
import { splitReceiptInput } from './screens/upp-lookup';
import { withinKioskHours } from './use-opening';

const ZONE = 'Europe/Warsaw';
// Monday 30 Nov 2026: 05:59, 06:00, 21:59 and 22:00 in Warsaw (UTC+1).
const at = (hhmm: string) => new Date(`2026-11-30T${hhmm}:00+01:00`);

describe("the kiosk's own hours", () => {
  it('06:00–22:00: open from the first minute, closed at the last', () => {
    const h = { days: [1, 2, 3, 4, 5, 6, 7], from: '06:00', to: '22:00' };
    expect(withinKioskHours(h, at('05:59'), ZONE)).toBe(false);
    expect(withinKioskHours(h, at('06:00'), ZONE)).toBe(true);
    expect(withinKioskHours(h, at('21:59'), ZONE)).toBe(true);
    expect(withinKioskHours(h, at('22:00'), ZONE)).toBe(false);
  });

  it('weekdays only; equal start and end mean round the clock', () => {
    const weekdays = { days: [2, 3, 4, 5], from: '07:00', to: '20:00' };
    expect(withinKioskHours(weekdays, at('10:00'), ZONE)).toBe(false); // a Monday
    const always = { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '00:00' };
    expect(withinKioskHours(always, at('05:59'), ZONE)).toBe(true);
  });
});

describe("the receipt's QR at the lookup", () => {
  it('splits "D-2026-000123/K7QX9P" into number and code; typed text is cleaned', () => {
    expect(splitReceiptInput('D-2026-000123/k7qx9p')).toEqual({
      receiptNo: 'D-2026-000123',
      code: 'K7QX9P',
    });
    expect(splitReceiptInput('d-2026-0001 ')).toEqual({ receiptNo: 'D-2026-0001' });
    expect(splitReceiptInput('D-2026-000123/')).toEqual({ receiptNo: 'D-2026-000123', code: '' });
  });
});
