import type { BranchEvent } from '@skr/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesceIssued } from './coalesce-issued';
import type { FanOut } from './fan-out';

const ev = (seq: number, type = 'ticket.issued') => ({ seq, type }) as unknown as BranchEvent;

/** A fan-out that records what reaches it. */
function recorder() {
  const got: string[] = [];
  const flushes: number[] = [];
  const next: FanOut = {
    push: (e) => got.push(`${e.seq}:${e.type.split('.')[1]}`),
    flush: () => flushes.push(got.length),
  };
  return { got, flushes, next };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('coalesceIssued', () => {
  it('sends the first issued event at once and only the last of a window when it ends', () => {
    const r = recorder();
    const f = coalesceIssued(r.next, 250);
    f.push(ev(1));
    expect(r.got).toEqual(['1:issued']);
    f.push(ev(2));
    f.push(ev(3));
    f.push(ev(4));
    expect(r.got).toEqual(['1:issued']);
    vi.advanceTimersByTime(250);
    expect(r.got).toEqual(['1:issued', '4:issued']);
    // The held one opened a new window: the next issue waits for it too.
    f.push(ev(5));
    expect(r.got).toHaveLength(2);
    vi.advanceTimersByTime(250);
    expect(r.got).toEqual(['1:issued', '4:issued', '5:issued']);
    // A quiet window closes; the next issue after it goes at once.
    vi.advanceTimersByTime(250);
    f.push(ev(6));
    expect(r.got.at(-1)).toBe('6:issued');
  });

  it('never holds back a call: the held issued event goes first, then the call, in seq order', () => {
    const r = recorder();
    const f = coalesceIssued(r.next, 250);
    f.push(ev(1));
    f.push(ev(2));
    f.push(ev(3, 'ticket.called'));
    f.push(ev(4, 'counter.opened'));
    expect(r.got).toEqual(['1:issued', '2:issued', '3:called', '4:opened']);
    vi.advanceTimersByTime(1000);
    expect(r.got).toHaveLength(4);
  });

  it('flush releases the held event before flushing the fan-out', () => {
    const r = recorder();
    const f = coalesceIssued(r.next, 250);
    f.push(ev(1));
    f.push(ev(2));
    f.flush();
    expect(r.got).toEqual(['1:issued', '2:issued']);
    expect(r.flushes).toEqual([2]);
    vi.advanceTimersByTime(1000);
    expect(r.got).toHaveLength(2);
  });
});
