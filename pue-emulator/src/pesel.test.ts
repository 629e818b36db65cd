import { describe, expect, it } from 'vitest';
import { isValidPesel, maskDestination, maskPesel, withCheckDigit } from './pesel';

describe('pesel', () => {
  it('computes and checks the check digit', () => {
    expect(withCheckDigit('4405140135')).toBe('44051401359');
    expect(isValidPesel('44051401359')).toBe(true);
    expect(isValidPesel('44051401358')).toBe(false);
    expect(isValidPesel('4405140135')).toBe(false);
  });
  it('masks all but the last four digits, and phone numbers and e-mails', () => {
    expect(maskPesel('44051401359')).toBe('*******1359');
    expect(maskDestination('+48600100200')).toBe('+48******200');
    expect(maskDestination('anna@example.pl')).toBe('a***@example.pl');
  });
});
