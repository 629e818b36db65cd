import { describe, expect, it } from 'vitest';
import { isValidPesel, Pesel, peselBirthDate, peselCheckDigit, peselProblem } from './pesel';

/** Completes 10 digits with their check digit, so only the date decides. */
const full = (first10: string): string => first10 + String(peselCheckDigit(first10));

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

  it('decodes the century from the month field (1800–2299)', () => {
    expect(peselBirthDate(full('8501011234'))).toBe('1985-01-01');
    expect(peselBirthDate(full('5983011234'))).toBe('1859-03-01');
    expect(peselBirthDate(full('0522151234'))).toBe('2005-02-15');
    expect(peselBirthDate(full('0541151234'))).toBe('2105-01-15');
    expect(peselBirthDate(full('0572311234'))).toBe('2205-12-31');
  });

  it('refuses 30 February 1859 although its check digit is right', () => {
    expect(peselCheckDigit('5982301518')).toBe(4);
    expect(isValidPesel('59823015184')).toBe(false);
    const r = Pesel.safeParse('59823015184');
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      'PESEL does not encode a real birth date',
    ]);
  });

  it('knows leap years per century: 2000 and 2024 yes, 1800, 1900, 2100, 2200 no', () => {
    expect(isValidPesel(full('0022290000'))).toBe(true); // 29.02.2000
    expect(isValidPesel(full('2422290000'))).toBe(true); // 29.02.2024
    expect(isValidPesel(full('0082290000'))).toBe(false); // 29.02.1800
    expect(isValidPesel(full('0002290000'))).toBe(false); // 29.02.1900
    expect(isValidPesel(full('0042290000'))).toBe(false); // 29.02.2100
    expect(isValidPesel(full('0062290000'))).toBe(false); // 29.02.2200
  });

  it('refuses months outside the five centuries, day 0 and 31 April', () => {
    for (const mm of ['00', '13', '20', '33', '40', '53', '60', '73', '80', '93', '99'])
      expect(isValidPesel(full(`85${mm}011234`))).toBe(false);
    expect(isValidPesel(full('8501001234'))).toBe(false);
    expect(isValidPesel(full('8504311234'))).toBe(false);
    expect(isValidPesel(full('8504301234'))).toBe(true);
  });

  it('names what is wrong with a typed number: length, check digit, a day that does not exist', () => {
    expect(peselProblem('4405140135')).toBe('length');
    expect(peselProblem('44051401358')).toBe('check');
    expect(peselProblem('59823015184')).toBe('date'); // 30 February 1859
    expect(peselProblem('44051401359')).toBeNull();
  });
});
