import { describe, expect, it } from 'vitest';
import { isValidPesel, Pesel, peselCheckDigit } from './pesel';

describe('PESEL', () => {
  it('computes the check digit of known numbers', () => {
    // 44051401359 and 02070803628 are the classic textbook examples.
    expect(peselCheckDigit('4405140135')).toBe(9);
    expect(peselCheckDigit('0207080362')).toBe(8);
    expect(isValidPesel('44051401359')).toBe(true);
    expect(isValidPesel('02070803628')).toBe(true);
  });

  it('refuses a wrong check digit, wrong length and non-digits', () => {
    expect(isValidPesel('44051401358')).toBe(false);
    expect(isValidPesel('4405140135')).toBe(false);
    expect(isValidPesel('440514013590')).toBe(false);
    expect(isValidPesel('4405140135a')).toBe(false);
    expect(isValidPesel(' 44051401359')).toBe(false);
  });

  it('validates through the schema without echoing the number', () => {
    expect(Pesel.safeParse('44051401359').success).toBe(true);
    const bad = Pesel.safeParse('44051401358');
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues.map((i) => i.message))).not.toContain('44051401358');
  });
});
