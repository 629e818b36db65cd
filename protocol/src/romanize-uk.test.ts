import { describe, expect, it } from 'vitest';
import { romanizeUkrainian } from './romanize-uk';

const romanize = (text: string): string => [...text].map((c) => romanizeUkrainian(c) ?? c).join('');

describe('romanizeUkrainian', () => {
  it('follows KMU 55/2010 and keeps the case of the letter', () => {
    expect(romanize('Щастя')).toBe('Shchastia');
    expect(romanize('Їжак Ґанок Євген')).toBe('Izhak Ganok Ievhen');
    expect(romanize('мʼясо')).toBe('miaso');
  });

  it('has no form for a character outside the table', () => {
    expect(romanizeUkrainian('ą')).toBeUndefined();
    expect(romanizeUkrainian('A')).toBeUndefined();
  });
});
