import type { CalendarVisit } from '@skr/protocol/calendar';
import { describe, expect, it } from 'vitest';
import { isRefusal } from '../domain-error';
import { decideBranchCancel, decideBranchRebook } from './branch-visit-change';
import { buildSlots } from './slots';
import { decideTransferFor, releasable } from './escrow';

const NOW = new Date('2026-12-01T08:00:00Z');
const visit = (over: Partial<CalendarVisit> = {}): CalendarVisit => ({
  code: 'AAAA1111',
  personKey: 'k1',
  serviceId: 'emerytury',
  start: '2026-12-02T09:00:00.000Z',
  side: 'branch',
  channel: 'kiosk',
  status: 'booked',
  bookedAt: '2026-11-30T10:00:00.000Z',
  ...over,
});
const reasonOf = (r: unknown) =>
  isRefusal(r) ? [r.code, (r.details as { reason?: string } | undefined)?.reason] : 'ok';

describe('changing a visit at the branch', () => {
  it('kiosk and desk need the person; a wrong person is NOT_FOUND; the manager may omit it', () => {
    const vs = [visit()];
    for (const channel of ['kiosk', 'desk'] as const)
      expect(
        reasonOf(decideBranchCancel(vs, 'AAAA1111', { channel, personKey: undefined }, NOW)),
      ).toEqual(['INVALID', undefined]);
    expect(
      reasonOf(decideBranchCancel(vs, 'AAAA1111', { channel: 'kiosk', personKey: 'k2' }, NOW)),
    ).toEqual(['NOT_FOUND', undefined]);
    expect(
      reasonOf(
        decideBranchCancel(vs, 'AAAA1111', { channel: 'manager', personKey: undefined }, NOW),
      ),
    ).toBe('ok');
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

  it('a rebook keeps the channel of who moved it and the person of the visit', () => {
    const plan = {
      blocks: [
        { weekday: 3, from: '10:00', to: '12:00', counterId: 'c1', serviceIds: ['emerytury'] },
      ],
      exceptions: [],
      walkInSharePercent: 0,
      portalSharePercent: 0,
      rules: {
        visitMinutes: 30,
        minLeadMinutes: 60,
        maxVisitsPerDay: 3,
        minGapMinutes: 30,
        horizonDays: 60,
      },
    };
    const r = decideBranchRebook(
      { plan, zone: 'Europe/Warsaw', ledger: {} },
      [visit()],
      { code: 'AAAA1111', newCode: 'BBBB2222', start: '2026-12-02T10:00:00.000Z' },
      { channel: 'desk', personKey: 'k1' },
      NOW,
    );
    if (isRefusal(r)) throw r;
    expect(r.cancelled.status).toBe('cancelled');
    expect(r.visit).toMatchObject({
      code: 'BBBB2222',
      personKey: 'k1',
      channel: 'desk',
      side: 'branch',
    });
  });
});

describe('a transfer asked for one service', () => {
  it('gives only spare places that serve the service', () => {
    const plan = {
      blocks: [
        { weekday: 3, from: '10:00', to: '10:30', counterId: 'c1', serviceIds: ['emerytury'] },
        { weekday: 3, from: '10:00', to: '10:30', counterId: 'c2', serviceIds: ['zasilki'] },
        {
          weekday: 3,
          from: '10:00',
          to: '10:30',
          counterId: 'c3',
          serviceIds: ['emerytury', 'zasilki'],
        },
      ],
      exceptions: [],
      walkInSharePercent: 0,
      portalSharePercent: 0,
      rules: {
        visitMinutes: 30,
        minLeadMinutes: 60,
        maxVisitsPerDay: 3,
        minGapMinutes: 30,
        horizonDays: 60,
      },
    };
    const [slot] = buildSlots(plan, '2026-12-02', '2026-12-02', 'Europe/Warsaw');
    const vs = [visit({ serviceId: 'zasilki' })];
    expect(releasable(slot!, vs, 'branch').sort()).toEqual(['c1', 'c3']);
    expect(decideTransferFor(slot!, vs, 'branch', 'zasilki', 5).counterIds).toEqual(['c3']);
    expect(decideTransferFor(slot!, vs, 'branch', 'emerytury', 1).counterIds).toHaveLength(1);
  });
});
