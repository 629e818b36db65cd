import { CalendarPlan, type CalendarVisit } from '@skr/protocol/calendar';
import { describe, expect, it } from 'vitest';
import { isRefusal } from '../domain-error';
import { decideBooking, decideCancel, decideRebook, type BookCommand } from './booking-decision';
import { morningPlan, viewOf, visit } from './calendar-fixtures';

// Friday 2026-12-04 in Warsaw (UTC+1): 08:00 local is 07:00Z.
const at = (hhmm: string, day = '2026-12-04'): string => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return new Date(
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8)), h - 1, m),
  ).toISOString();
};
const NOW = new Date('2026-12-03T12:00:00Z');
const view = viewOf(morningPlan());
const cmd = (p: Partial<BookCommand> = {}): BookCommand => ({
  code: 'N1',
  personKey: 'anna',
  serviceId: 'emerytury',
  start: at('09:00'),
  side: 'branch',
  channel: 'kiosk',
  ...p,
});
const reason = (r: unknown): unknown => (isRefusal(r) ? [r.code, r.details?.reason] : 'accepted');

describe('decideBooking', () => {
  it('books a free slot and records side, channel and time', () => {
    const r = decideBooking(view, [], cmd({ start: '2026-12-04T08:00:00Z' }), NOW);
    expect(isRefusal(r)).toBe(false);
    if (isRefusal(r)) return;
    expect(r.visit).toMatchObject({
      code: 'N1',
      start: at('09:00'),
      side: 'branch',
      channel: 'kiosk',
      status: 'booked',
      bookedAt: NOW.toISOString(),
    });
  });

  it('refuses a time the plan has no slot for, a weekend and an unserved service: closed', () => {
    expect(reason(decideBooking(view, [], cmd({ start: at('12:00') }), NOW))).toEqual([
      'CONFLICT',
      'closed',
    ]);
    expect(reason(decideBooking(view, [], cmd({ start: at('09:15') }), NOW))).toEqual([
      'CONFLICT',
      'closed',
    ]);
    expect(reason(decideBooking(view, [], cmd({ start: at('09:00', '2026-12-05') }), NOW))).toEqual(
      ['CONFLICT', 'closed'],
    );
    expect(reason(decideBooking(view, [], cmd({ serviceId: 'pue' }), NOW))).toEqual([
      'CONFLICT',
      'closed',
    ]);
  });

  it('refuses a holiday and a counter closed for the day when it was the only one for the service', () => {
    const plan = CalendarPlan.parse({
      ...morningPlan(),
      exceptions: [
        { kind: 'holiday', day: '2026-12-04' },
        { kind: 'counter-closed', day: '2026-12-07', counterId: 'c2' },
        { kind: 'counter-closed', day: '2026-12-07', counterId: 'c1' },
      ],
    });
    expect(reason(decideBooking(viewOf(plan), [], cmd(), NOW))).toEqual(['CONFLICT', 'closed']);
    expect(
      reason(decideBooking(viewOf(plan), [], cmd({ start: at('09:00', '2026-12-07') }), NOW)),
    ).toEqual(['CONFLICT', 'closed']);
    expect(
      reason(
        decideBooking(
          viewOf(plan),
          [],
          cmd({ serviceId: 'skladki', start: at('09:00', '2026-12-07') }),
          NOW,
        ),
      ),
    ).toBe('accepted');
  });

  it('books at the latest 1 h before the start (configurable)', () => {
    const start = at('09:00');
    const justInTime = new Date(Date.parse(start) - 60 * 60_000);
    const tooLate = new Date(justInTime.getTime() + 1);
    expect(reason(decideBooking(view, [], cmd(), justInTime))).toBe('accepted');
    expect(reason(decideBooking(view, [], cmd(), tooLate))).toEqual(['CONFLICT', 'too-late']);
    const relaxed = viewOf(CalendarPlan.parse({ ...morningPlan(), rules: { minLeadMinutes: 15 } }));
    expect(reason(decideBooking(relaxed, [], cmd(), tooLate))).toBe('accepted');
  });

  it('allows 3 visits a day per person, not 4; another day is free again', () => {
    const mine = ['08:00', '09:00', '10:00'].map((t, i) =>
      visit({ code: `A${String(i)}`, personKey: 'anna', start: at(t) }),
    );
    expect(reason(decideBooking(view, mine.slice(0, 2), cmd({ start: at('11:00') }), NOW))).toBe(
      'accepted',
    );
    const r = decideBooking(view, mine, cmd({ start: at('11:00') }), NOW);
    expect(reason(r)).toEqual(['CONFLICT', 'daily-limit']);
    expect(reason(decideBooking(view, mine, cmd({ start: at('11:00', '2026-12-07') }), NOW))).toBe(
      'accepted',
    );
    const cancelled = mine.map((v, i) => (i === 0 ? { ...v, status: 'cancelled' as const } : v));
    expect(reason(decideBooking(view, cancelled, cmd({ start: at('11:00') }), NOW))).toBe(
      'accepted',
    );
    expect(
      reason(decideBooking(view, mine, cmd({ personKey: 'jan', start: at('11:00') }), NOW)),
    ).toBe('accepted');
  });

  it('needs 30 min between the end of one visit of a person and the start of the next', () => {
    const first = [visit({ code: 'A', personKey: 'anna', start: at('09:00') })];
    expect(reason(decideBooking(view, first, cmd({ start: at('09:30') }), NOW))).toEqual([
      'CONFLICT',
      'gap',
    ]);
    expect(reason(decideBooking(view, first, cmd({ start: at('08:30') }), NOW))).toEqual([
      'CONFLICT',
      'gap',
    ]);
    expect(reason(decideBooking(view, first, cmd({ start: at('09:00') }), NOW))).toEqual([
      'CONFLICT',
      'gap',
    ]);
    expect(reason(decideBooking(view, first, cmd({ start: at('10:00') }), NOW))).toBe('accepted');
    expect(reason(decideBooking(view, first, cmd({ start: at('08:00') }), NOW))).toBe('accepted');
  });

  it('fills a slot by matching services to counters, then refuses: full', () => {
    // emerytury: c1 and c2. Two fit; a third does not, though c3 and c4 are idle.
    const two = [
      visit({ code: 'A', start: at('09:00') }),
      visit({ code: 'B', start: at('09:00') }),
    ];
    expect(reason(decideBooking(view, two.slice(0, 1), cmd(), NOW))).toBe('accepted');
    expect(reason(decideBooking(view, two, cmd(), NOW))).toEqual(['CONFLICT', 'full']);
    // zasilki fits c4 even though c1 is taken by emerytury.
    expect(reason(decideBooking(view, two, cmd({ serviceId: 'zasilki' }), NOW))).toBe('accepted');
    // Two zasilki already hold c1 and c4: one emerytury still fits c2, but no further zasilki.
    const zas = [
      visit({ code: 'Z1', serviceId: 'zasilki', start: at('09:00') }),
      visit({ code: 'Z2', serviceId: 'zasilki', start: at('09:00') }),
    ];
    expect(reason(decideBooking(view, zas, cmd(), NOW))).toBe('accepted');
    expect(reason(decideBooking(view, zas, cmd({ serviceId: 'zasilki' }), NOW))).toEqual([
      'CONFLICT',
      'full',
    ]);
  });

  it('books only the places its side holds', () => {
    const split = viewOf(morningPlan(25, 50)); // per slot: 1 walk-in, 2 portal, 1 branch
    const slotStart = at('08:00'); // slot index 0: c1 walk-in, c2 c3 portal, c4 branch
    expect(reason(decideBooking(split, [], cmd({ start: slotStart }), NOW))).toEqual([
      'CONFLICT',
      'full',
    ]);
    expect(
      reason(
        decideBooking(split, [], cmd({ start: slotStart, side: 'portal', channel: 'portal' }), NOW),
      ),
    ).toBe('accepted');
    expect(
      reason(decideBooking(split, [], cmd({ start: slotStart, serviceId: 'zasilki' }), NOW)),
    ).toBe('accepted');
  });

  it('refuses a duplicate code and an instant that is not one', () => {
    expect(
      reason(decideBooking(view, [visit({ code: 'N1', start: at('10:00') })], cmd(), NOW)),
    ).toEqual(['CONFLICT', undefined]);
    expect(reason(decideBooking(view, [], cmd({ start: 'jutro' }), NOW))).toEqual([
      'INVALID',
      undefined,
    ]);
  });
});

describe('decideCancel and decideRebook', () => {
  const mine: CalendarVisit[] = [
    visit({ code: 'A', personKey: 'anna', start: at('08:00') }),
    visit({ code: 'B', personKey: 'anna', start: at('09:00') }),
    visit({ code: 'C', personKey: 'anna', start: at('10:00') }),
  ];
  /** The desk moves Anna's visit C to `time` as visit D. */
  const moveCAt = (time: string) =>
    decideRebook(
      view,
      mine,
      { code: 'C', newCode: 'D', start: at(time), side: 'branch', channel: 'desk' },
      NOW,
    );

  it('cancels a future visit; not one that started, not an unknown one', () => {
    const r = decideCancel(mine, 'B', NOW);
    expect(!isRefusal(r) && r.visit.status).toBe('cancelled');
    expect(reason(decideCancel(mine, 'B', new Date(at('09:00'))))).toEqual(['CONFLICT', 'past']);
    expect(reason(decideCancel(mine, 'X', NOW))).toEqual(['NOT_FOUND', undefined]);
  });

  it('moves a visit within a full day of the person: the old one does not count', () => {
    const r = moveCAt('11:00');
    expect(isRefusal(r)).toBe(false);
    if (isRefusal(r)) return;
    expect(r.cancelled).toMatchObject({ code: 'C', status: 'cancelled' });
    expect(r.visit).toMatchObject({
      code: 'D',
      personKey: 'anna',
      start: at('11:00'),
      channel: 'desk',
    });
  });

  it('refuses a rebook that breaks a rule and leaves the old visit alone', () => {
    expect(reason(moveCAt('09:30'))).toEqual(['CONFLICT', 'gap']);
  });
});
