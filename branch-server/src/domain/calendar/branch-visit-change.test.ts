import { describe, expect, it } from 'vitest';
import { isRefusal } from '../domain-error';
import { decideBranchCancel, decideBranchRebook } from './branch-visit-change';
import { morningPlan, viewOf, visit as fixtureVisit, ZONE } from './calendar-fixtures';
import { decideTransferFor, releasable } from './escrow';
import { buildSlots } from './slots';

// Tuesday 1 December 2026, 09:00 in Warsaw; the visit is Wednesday 09:00.
const NOW = new Date('2026-12-01T08:00:00Z');
const visit = (over: Parameters<typeof fixtureVisit>[0] | object = {}) =>
  fixtureVisit({ code: 'AAAA1111', start: '2026-12-02T08:00:00.000Z', personKey: 'k1', ...over });
const reasonOf = (r: unknown) =>
  isRefusal(r) ? [r.code, (r.details as { reason?: string } | undefined)?.reason] : 'ok';

describe('changing a visit at the branch', () => {
  it('kiosk and desk need the person; a wrong person is NOT_FOUND; the manager may omit it', () => {
    const vs = [visit()];
    const cancel = (channel: 'kiosk' | 'desk' | 'manager', personKey?: string) =>
      reasonOf(decideBranchCancel(vs, 'AAAA1111', { channel, personKey }, NOW));
    expect(cancel('kiosk')).toEqual(['INVALID', undefined]);
    expect(cancel('desk')).toEqual(['INVALID', undefined]);
    expect(cancel('kiosk', 'k2')).toEqual(['NOT_FOUND', undefined]);
    expect(cancel('manager')).toBe('ok');
  });

  it('refuses a portal visit (portal-visit) and a started one (past) in every channel', () => {
    const portal = [visit({ side: 'portal', channel: 'portal' })];
    const started = [visit({ start: '2026-12-01T07:30:00.000Z' })];
    for (const channel of ['kiosk', 'desk', 'manager'] as const) {
      const caller = { channel, personKey: 'k1' };
      expect(reasonOf(decideBranchCancel(portal, 'AAAA1111', caller, NOW))).toEqual([
        'CONFLICT',
        'portal-visit',
      ]);
      expect(reasonOf(decideBranchCancel(started, 'AAAA1111', caller, NOW))).toEqual([
        'CONFLICT',
        'past',
      ]);
    }
  });

  it('a rebook keeps the person of the visit and takes the channel of who moved it', () => {
    const r = decideBranchRebook(
      viewOf(morningPlan()),
      [visit()],
      { code: 'AAAA1111', newCode: 'BBBB2222', start: '2026-12-02T09:00:00.000Z' },
      { channel: 'desk', personKey: 'k1' },
      NOW,
    );
    if (isRefusal(r)) throw r;
    expect(r.cancelled.status).toBe('cancelled');
    expect(r.visit).toMatchObject({ code: 'BBBB2222', personKey: 'k1', channel: 'desk' });
  });
});

describe('a transfer asked for one service', () => {
  it('gives only spare places that serve the service', () => {
    const [slot] = buildSlots(morningPlan(), '2026-12-02', '2026-12-02', ZONE);
    const vs = [visit({ serviceId: 'zasilki', start: slot!.start })];
    // c1 (pensions, benefits) seats the benefits visit; c2–c4 are spare.
    expect(releasable(slot!, vs, 'branch').sort()).toEqual(['c2', 'c3', 'c4']);
    expect(decideTransferFor(slot!, vs, 'branch', 'zasilki', 5).counterIds).toEqual(['c4']);
    expect(decideTransferFor(slot!, vs, 'branch', 'emerytury', 5).counterIds).toEqual(['c2']);
  });
});
