import type { QueueSnapshot } from '@skr/protocol';
import { describe, expect, it } from 'vitest';
import { publicSnapshotCache } from './snapshot-cache';

/** A branch whose head seq and clock the test moves; counts the snapshots it makes. */
function fakeBranch() {
  const b = {
    seq: 5,
    t: Date.parse('2026-12-01T09:00:00Z'),
    made: 0,
    lastSeq: () => b.seq,
    now: () => new Date(b.t),
    snapshot: (): QueueSnapshot => {
      b.made += 1;
      return {
        seq: b.seq,
        at: new Date(b.t).toISOString(),
        lines: [],
        counters: [],
        recentCalls: [],
        parked: [],
      } as unknown as QueueSnapshot;
    },
  };
  return b;
}

describe('publicSnapshotCache', () => {
  it('makes one snapshot per seq for many callers, each answer with its own time', () => {
    const b = fakeBranch();
    const snap = publicSnapshotCache(b, 1000);
    expect(snap().at).toBe('2026-12-01T09:00:00.000Z');
    b.t += 300;
    const again = snap();
    for (let i = 0; i < 98; i += 1) snap();
    expect(b.made).toBe(1);
    expect(again.seq).toBe(5);
    expect(again.at).toBe('2026-12-01T09:00:00.300Z');
  });

  it('makes a new one after an event', () => {
    const b = fakeBranch();
    const snap = publicSnapshotCache(b, 1000);
    snap();
    b.seq = 6;
    expect(snap().seq).toBe(6);
    expect(b.made).toBe(2);
  });

  it('makes a new one once the kept one is older than the limit, or the clock stepped back', () => {
    const b = fakeBranch();
    const snap = publicSnapshotCache(b, 1000);
    snap();
    b.t += 1001;
    snap();
    expect(b.made).toBe(2);
    b.t -= 5000;
    snap();
    expect(b.made).toBe(3);
  });
});
