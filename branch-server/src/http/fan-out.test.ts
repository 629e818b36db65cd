import type { BranchEvent } from '@skr/protocol';
import { describe, expect, it } from 'vitest';
import { deferredFanOut } from './fan-out';

const ev = (seq: number) => ({ seq, type: 'ticket.issued' }) as unknown as BranchEvent;
const tick = () => new Promise((r) => setImmediate(r));

describe('deferredFanOut', () => {
  it('sends after the current turn, in commit order', async () => {
    const sent: number[] = [];
    const f = deferredFanOut((e) => sent.push(e.seq));
    f.push(ev(1));
    f.push(ev(2));
    await Promise.resolve();
    expect(sent).toEqual([]);
    await tick();
    expect(sent).toEqual([1, 2]);
  });

  it('flush sends what is queued at once, and nothing twice', async () => {
    const sent: number[] = [];
    const f = deferredFanOut((e) => sent.push(e.seq));
    f.push(ev(1));
    f.flush();
    expect(sent).toEqual([1]);
    f.push(ev(2));
    await tick();
    await tick();
    expect(sent).toEqual([1, 2]);
  });
});
