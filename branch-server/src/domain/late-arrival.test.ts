import { defaultQueueSettings, SkrError } from '@skr/protocol';
import { describe, expect, it } from 'vitest';
import { cardBooking } from './booking-decision';
import { decideIssue } from './issue-decision';
import { lateRefusal } from './late-arrival';
import type { Booking } from './records';
import { queueState, service } from './test-fixtures';

const settings = defaultQueueSettings; // 15 min late, 60 min early, Warsaw
const at = new Date('2026-11-30T09:20:00Z'); // 10:20 in Warsaw
const booking = (code: string, bookedFor: string, extra: Partial<Booking> = {}): Booking => ({
  code,
  serviceId: 'a',
  bookedFor,
  status: 'booked',
  ticketId: null,
  updatedAt: '',
  ...extra,
});

describe('late arrival', () => {
  it('refuses a check-in past the late window with reason late, not a walk-in ticket', () => {
    const missed = booking('MISSED', '2026-11-30T09:04:59Z'); // 15 min 1 s ago
    const d = decideIssue(
      queueState({ services: [service('a', 'A')], counters: [] }),
      {
        id: 'n1',
        bookingCode: 'MISSED',
        booking: missed,
        lang: 'pl',
        priority: null,
        actor: null,
        nextSequence: () => 1,
      },
      at,
    );
    expect(d).toBeInstanceOf(SkrError);
    expect((d as SkrError).details).toEqual({
      reason: 'late',
      serviceId: 'a',
      bookedFor: '2026-11-30T09:04:59.000Z',
      lateArrivalMinutes: 15,
    });
    // Exactly at the window's end the visit still checks in; a checked-in one is never late.
    expect(lateRefusal(booking('EDGE', '2026-11-30T09:05:00Z'), at, settings)).toBeUndefined();
    const done = booking('DONE', '2026-11-30T08:00:00Z', { status: 'checked-in' });
    expect(lateRefusal(done, at, settings)).toBeUndefined();
  });

  it("finds a card holder's visit in the window first, else today's missed one", () => {
    const missed = booking('MISSED', '2026-11-30T08:40:00Z'); // 09:40, 40 min ago
    const next = booking('NEXT', '2026-11-30T10:15:00Z'); // 11:15, in the early window
    const yesterday = booking('YDAY', '2026-11-29T09:00:00Z');
    // Nearest first, as the lookup orders them: the missed visit is nearer but the next wins.
    expect(cardBooking([missed, next], at, settings, () => false)).toMatchObject({ code: 'NEXT' });
    expect(cardBooking([missed, yesterday], at, settings, () => false)).toMatchObject({
      code: 'MISSED',
    });
    expect(cardBooking([yesterday], at, settings, () => false)).toBeInstanceOf(SkrError);
  });
});
