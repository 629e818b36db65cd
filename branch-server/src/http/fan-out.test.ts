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

  it('with parts, writes one group per turn, each round the events queued when it began', async () => {
    const sent: string[] = [];
    const f = deferredFanOut((e, part) => sent.push(`${e.seq}:${part}`), 3);
    f.push(ev(1));
    f.push(ev(2));
    await tick();
    expect(sent).toEqual(['1:0', '2:0']);
    f.push(ev(3));
    await tick();
    await tick();
    expect(sent).toEqual(['1:0', '2:0', '1:1', '2:1', '1:2', '2:2']);
    for (let i = 0; i < 3; i += 1) await tick();
    expect(sent.slice(6)).toEqual(['3:0', '3:1', '3:2']);
    await tick();
    expect(sent).toHaveLength(9);
  });

  it('flush half-way through a round sends its other groups, then the rest, once', async () => {
    const sent: string[] = [];
    const f = deferredFanOut((e, part) => sent.push(`${e.seq}:${part}`), 3);
    f.push(ev(1));
    await tick();
    f.push(ev(2));
    f.flush();
    expect(sent).toEqual(['1:0', '1:1', '1:2', '2:0', '2:1', '2:2']);
    f.push(ev(3));
    for (let i = 0; i < 5; i += 1) await tick();
    expect(sent.slice(6)).toEqual(['3:0', '3:1', '3:2']);
  });
});
