import { describe, expect, it } from 'vitest';
import { submitterMemory } from './documents';

describe('submitterMemory', () => {
  const at = Date.parse('2026-12-01T10:00:00Z');
  it('keeps a session PESEL until it expires or logs out', () => {
    const m = submitterMemory();
    m.remember('s1', '90010112345', '2026-12-01T10:15:00Z', at);
    expect(m.lookup('s1', at + 60_000)).toBe('90010112345');
    expect(m.lookup('s1', Date.parse('2026-12-01T10:15:00Z'))).toBeNull();
    m.remember('s2', '90010112345', '2026-12-01T10:15:00Z', at);
    m.forget('s2');
    expect(m.lookup('s2', at)).toBeNull();
  });
  it('ignores expired sessions and keeps at most max entries, oldest out first', () => {
    const m = submitterMemory(2);
    m.remember('old', '1', '2026-12-01T09:00:00Z', at);
    expect(m.lookup('old', at)).toBeNull();
    m.remember('a', '1', '2026-12-01T11:00:00Z', at);
    m.remember('b', '2', '2026-12-01T11:00:00Z', at);
    m.remember('c', '3', '2026-12-01T11:00:00Z', at);
    expect([m.lookup('a', at), m.lookup('b', at), m.lookup('c', at)]).toEqual([null, '2', '3']);
  });
});
