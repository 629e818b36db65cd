import { describe, expect, it } from 'vitest';
import { arrangeCalls } from './arrange-calls';
import type { CallEntry } from './board-state';

function call(n: number): CallEntry {
  const number = `A${String(n).padStart(3, '0')}`;
  return {
    seq: n,
    ticketId: `t${n}`,
    number,
    serviceId: 'emerytury',
    counterId: n,
    at: '2026-11-30T07:00:00.000Z',
    state: 'called',
    recalls: 0,
  };
}

/** Calls 1…n, newest first, as the board keeps them. */
const calls = (n: number) => Array.from({ length: n }, (_, i) => call(n - i));
const numbers = (cs: CallEntry[]) => cs.map((c) => c.number.slice(1));

describe('arranging calls between the big panel and the history', () => {
  it('shows the newest call large and the next ones up to the history size when all were heard', () => {
    const a = arrangeCalls(calls(14), 8, null, new Set());
    expect(a.latest?.number).toBe('A014');
    expect(numbers(a.history)).toEqual(['013', '012', '011', '010', '009', '008', '007', '006']);
  });

  it('during a burst of 12 shows the call being announced large and keeps every unheard call', () => {
    const all = calls(20);
    // Calls 9–20 came at once; 9 is being announced, 10–20 wait their turn.
    const unheard = new Set(all.filter((c) => c.seq >= 10).map((c) => c.ticketId));
    const a = arrangeCalls(all, 8, 't9', unheard);
    expect(a.latest?.number).toBe('A009');
    expect(numbers(a.history)).toEqual([
      '020',
      '019',
      '018',
      '017',
      '016',
      '015',
      '014',
      '013',
      '012',
      '011',
      '010',
    ]);
  });

  it('falls back to the newest when the announced call is not on this screen', () => {
    const a = arrangeCalls(calls(3), 8, 'elsewhere', new Set());
    expect(a.latest?.number).toBe('A003');
    expect(arrangeCalls([], 8, null, new Set())).toEqual({ latest: undefined, history: [] });
  });
});
