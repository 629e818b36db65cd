import type { LineSummary, Ticket } from '@skr/protocol';
import { describe, expect, it } from 'vitest';
import { keepDrawnLines, lowerOnCall, sameCounts } from './drawn-lines';

const AT = '2025-03-03T09:00:00.000Z';

function line(serviceId: string, waiting: number, over: Partial<LineSummary> = {}): LineSummary {
  return {
    serviceId,
    waiting,
    priorityWaiting: 0,
    longestWaitMinutes: 3.4,
    estimatedWaitMinutes: waiting * 10,
    bookedDue: 0,
    ...over,
  };
}

const called = (serviceId: string, lineAt = AT) =>
  ({ id: 't1', serviceId, lineAt, state: 'called' }) as Ticket;

describe('drawn lines', () => {
  it('keeps the old array when only undrawn fields change', () => {
    const old = [line('emerytury', 3), line('zasilki', 0)];
    const next = [
      line('emerytury', 3, { longestWaitMinutes: 9.9, priorityWaiting: 1, bookedDue: 2 }),
      // An empty line says "bez czekania" whatever the estimate.
      line('zasilki', 0, { estimatedWaitMinutes: 17 }),
    ];
    expect(keepDrawnLines(old, next, [])).toBe(old);
  });

  it('keeps the old array when the estimate changes within its wording', () => {
    const old = [line('emerytury', 3, { estimatedWaitMinutes: 130 })];
    // Both over 120: "ponad 120 min".
    expect(keepDrawnLines(old, [line('emerytury', 3, { estimatedWaitMinutes: 200 })], [])).toBe(
      old,
    );
    // 0.2 and 1.4 are both "ok. 1 min".
    const small = [line('emerytury', 3, { estimatedWaitMinutes: 0 })];
    expect(keepDrawnLines(small, [line('emerytury', 3, { estimatedWaitMinutes: 1 })], [])).toBe(
      small,
    );
  });

  it('takes a changed count or wording, reusing the lines that draw the same', () => {
    const old = [line('emerytury', 3), line('zasilki', 1)];
    const next = [line('emerytury', 2), line('zasilki', 1, { longestWaitMinutes: 8 })];
    const got = keepDrawnLines(old, next, []);
    expect(got).not.toBe(old);
    expect(got[0]).toBe(next[0]);
    expect(got[1]).toBe(old[1]);
    const worded = [line('emerytury', 3, { estimatedWaitMinutes: 25 }), old[1]!];
    expect(keepDrawnLines(old, worded, [])[0]).toBe(worded[0]);
  });

  it('ignores lines the screen does not show, but not a shown line added or removed', () => {
    const old = [line('emerytury', 3), line('zasilki', 1)];
    expect(keepDrawnLines(old, [line('emerytury', 9), line('zasilki', 1)], ['zasilki'])).toBe(old);
    expect(keepDrawnLines(old, [line('emerytury', 3)], [])).not.toBe(old);
    expect(keepDrawnLines(old, [...old, line('skladki', 0)], [])).not.toBe(old);
  });

  it('lowers the called ticket’s line by one, never below zero or for one not yet in line', () => {
    const lines = [line('emerytury', 3), line('zasilki', 0)];
    const lowered = lowerOnCall(lines, called('emerytury'), AT);
    expect(lowered.map((l) => l.waiting)).toEqual([2, 0]);
    expect(lowered[1]).toBe(lines[1]);
    expect(lines[0]!.waiting).toBe(3);
    expect(lowerOnCall(lines, called('zasilki'), AT)).toBe(lines);
    expect(lowerOnCall(lines, called('skladki'), AT)).toBe(lines);
    // A booked visit called before its time was not counted among those waiting.
    expect(lowerOnCall(lines, called('emerytury', '2025-03-03T09:20:00.000Z'), AT)).toBe(lines);
  });

  it('tells counts apart from the wording of the estimates', () => {
    const a = [line('emerytury', 3), line('zasilki', 1)];
    expect(sameCounts(a, [line('emerytury', 3, { estimatedWaitMinutes: 5 }), a[1]!], [])).toBe(
      true,
    );
    expect(sameCounts(a, [line('emerytury', 2), a[1]!], [])).toBe(false);
    expect(sameCounts(a, [line('emerytury', 2), a[1]!], ['zasilki'])).toBe(true);
  });
});
