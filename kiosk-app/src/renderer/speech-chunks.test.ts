import { describe, expect, it } from 'vitest';
import { FIRST_MAX, PIECE_MAX, speechChunks, WHOLE_MAX } from './speech-chunks';

describe('speechChunks', () => {
  it('keeps a short phrase whole and drops empty ones', () => {
    expect(speechChunks('  Twój numer:   A 12. Osób przed Tobą: 3. ')).toEqual([
      'Twój numer: A 12. Osób przed Tobą: 3.',
    ]);
    expect(speechChunks(' \n ')).toEqual([]);
  });

  it('splits a table read aloud at row ends, a short first piece, all within limits, nothing lost', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i + 1}.2025, 5000,00 zł`);
    const text = `Podstawa wymiaru składek (ostatnie 12 miesięcy). Miesiąc, Kwota. ${rows.join('. ')}.`;
    expect(text.length).toBeGreaterThan(WHOLE_MAX);
    const pieces = speechChunks(text);
    expect(pieces[0]).toBe('Podstawa wymiaru składek (ostatnie 12 miesięcy). Miesiąc, Kwota.');
    expect(pieces[0]!.length).toBeLessThanOrEqual(FIRST_MAX);
    for (const p of pieces.slice(1)) expect(p.length).toBeLessThanOrEqual(PIECE_MAX);
    expect(pieces.join(' ')).toBe(text);
    // "5000,00" is an amount, not a clause break.
    expect(pieces.some((p) => p.includes('5000,00 zł'))).toBe(true);
  });

  it('breaks a long text without punctuation at spaces', () => {
    const text = Array.from({ length: 60 }, (_, i) => `słowo${i}`).join(' ');
    const pieces = speechChunks(text);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces[0]!.length).toBeLessThanOrEqual(FIRST_MAX);
    expect(pieces.join(' ')).toBe(text);
  });
});
