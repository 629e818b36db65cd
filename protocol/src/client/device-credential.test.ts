import { describe, expect, it } from 'vitest';
import { SkrError } from '../errors';
import { keepCredentialFresh, type StoredCredential } from './device-credential';

/** A hand-driven clock and timer queue. */
function clock(start = 0) {
  let t = start;
  const timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => t,
    setTimer: (fn: () => void, ms: number) => {
      const timer = { at: t + ms, fn };
      timers.push(timer);
      return timer;
    },
    clearTimer: (x: unknown) => {
      const i = timers.indexOf(x as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
    /** Moves time on, firing due timers (and awaiting what they started). */
    async advance(ms: number) {
      t += ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > t) break;
        timers.shift();
        next.fn();
        for (let i = 0; i < 10; i++) await Promise.resolve();
      }
    },
    pending: () => timers.length,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 24 * 3600_000;

describe('keepCredentialFresh', () => {
  it('renews at refreshAfter, stores the new credential, and renews that one in turn', async () => {
    const c = clock(0);
    let cred: StoredCredential = {
      token: 't0',
      refreshAfter: iso(20 * DAY),
      expiresAt: iso(30 * DAY),
    };
    const asked: string[] = [];
    const stop = keepCredentialFresh({
      current: () => cred,
      save: (n) => void (cred = n),
      onRefused: () => expect.fail('not refused'),
      refresh: async (token) => {
        asked.push(token);
        const at = c.now();
        return {
          token: `t${asked.length}`,
          refreshAfter: iso(at + 20 * DAY),
          expiresAt: iso(at + 30 * DAY),
        };
      },
      ...c,
    });
    await c.advance(19 * DAY);
    expect(asked).toEqual([]);
    await c.advance(1 * DAY);
    expect(asked).toEqual(['t0']);
    expect(cred.token).toBe('t1');
    await c.advance(20 * DAY);
    expect(asked).toEqual(['t0', 't1']);
    stop();
    expect(c.pending()).toBe(0);
  });

  it('renews at once a credential without refreshAfter; retries while the branch is down', async () => {
    const c = clock(0);
    let cred: StoredCredential = { token: 'old' };
    let down = true;
    let calls = 0;
    keepCredentialFresh({
      current: () => cred,
      save: (n) => void (cred = n),
      onRefused: () => expect.fail('not refused'),
      refresh: async () => {
        calls++;
        if (down) throw new SkrError('UNAVAILABLE', 'down');
        return { token: 'new', refreshAfter: iso(c.now() + DAY) };
      },
      retryMs: 1000,
      ...c,
    });
    await c.advance(0);
    expect(calls).toBe(1);
    down = false;
    await c.advance(1000);
    expect(cred.token).toBe('new');
  });

  it('stops and says so when the branch refuses the credential (revoked)', async () => {
    const c = clock(0);
    let refused = 0;
    keepCredentialFresh({
      current: () => ({ token: 'x' }),
      save: () => expect.fail('nothing to save'),
      onRefused: () => refused++,
      refresh: async () => {
        throw new SkrError('UNAUTHORIZED', 'revoked');
      },
      ...c,
    });
    await c.advance(0);
    expect(refused).toBe(1);
    expect(c.pending()).toBe(0);
  });
});
