import { describe, expect, it } from 'vitest';
import { counter, service, ticket } from './test-fixtures';
import { walkInCutoff, type WalkInCutoffInput } from './walk-in-cutoff';

// Tuesday 1 December 2026 in Warsaw (UTC+1); pensions take walk-ins 08:00–16:00 on weekdays.
const ZUS = service('emerytury', 'E');
const hours = { days: [1, 2, 3, 4, 5], from: '08:00', to: '16:00' };
const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00+01:00`);

/** `waiting` people in line, 2 open counters, 10 minutes per client: 5 minutes per person. */
function input(now: Date, waiting: number, extra: Partial<WalkInCutoffInput> = {}) {
  return {
    serviceId: ZUS.id,
    now,
    waiting: Array.from({ length: waiting }, () => ticket(ZUS, new Date(now.getTime() - 60_000))),
    counters: [counter(1, { emerytury: 1 }), counter(2, { emerytury: 1 })],
    recentServiceMinutes: [10, 10, 10],
    hours,
    timeZone: 'Europe/Warsaw',
    walkInsToday: 0,
    dailyPool: null,
    reopened: false,
    ...extra,
  };
}

describe('walk-in cut-off', () => {
  it('stays open while the line would be served before closing', () => {
    // 10 people × 5 min = 50 min: served 15:00, before 16:00.
    const c = walkInCutoff(input(at('14:10'), 10));
    expect(c.predictedServedAt).toBe('2026-12-01T14:00:00.000Z');
    expect(c.closesAt).toBe('2026-12-01T15:00:00.000Z');
    expect(c).toMatchObject({ cut: false, reason: null });
  });

  it('cuts when the predicted call of a new walk-in passes closing time', () => {
    // 13 people × 5 min = 65 min from 15:00: 16:05, past 16:00.
    const c = walkInCutoff(input(at('15:00'), 13));
    expect(c.predictedServedAt).toBe('2026-12-01T15:05:00.000Z');
    expect(c).toMatchObject({ cut: true, reason: 'closing' });
    // Served exactly at closing is still served.
    expect(walkInCutoff(input(at('15:00'), 12))).toMatchObject({ cut: false, reason: null });
  });

  it('a shorter line after a counter opens lifts the cut again (the prediction is live)', () => {
    const busy = input(at('15:00'), 13);
    const more = { ...busy, counters: [...busy.counters, counter(3, { emerytury: 1 })] };
    expect(walkInCutoff(busy).cut).toBe(true);
    expect(walkInCutoff(more).cut).toBe(false);
  });

  it('cuts when the daily walk-in pool is used up, whatever the line', () => {
    expect(walkInCutoff(input(at('09:00'), 0, { dailyPool: 40, walkInsToday: 39 })).cut).toBe(
      false,
    );
    expect(walkInCutoff(input(at('09:00'), 0, { dailyPool: 40, walkInsToday: 40 }))).toMatchObject({
      cut: true,
      reason: 'pool',
    });
  });

  it('the manager override opens it again for today but still reports why it would cut', () => {
    const c = walkInCutoff(input(at('15:00'), 13, { reopened: true }));
    expect(c).toMatchObject({ cut: false, reason: 'closing', reopened: true });
  });

  it('cuts after the branch day was ended until a counter opens again', () => {
    const closed = (id: number) => ({ ...counter(id, { emerytury: 1 }), state: 'closed' as const });
    const ended = { dayEnded: true, counters: [closed(1), closed(2)] };
    // Any time of day, any line: nobody would call the ticket.
    expect(walkInCutoff(input(at('11:00'), 0, ended))).toMatchObject({
      cut: true,
      reason: 'ended',
    });
    // A counter opened after the end takes walk-ins again; the manager's reopening does too.
    const oneOpen = { dayEnded: true, counters: [closed(1), counter(2, { emerytury: 1 })] };
    expect(walkInCutoff(input(at('11:00'), 0, oneOpen))).toMatchObject({
      cut: false,
      reason: null,
    });
    expect(walkInCutoff(input(at('11:00'), 0, { ...ended, reopened: true })).cut).toBe(false);
    // Not ended (before opening in the morning): no counter open is no reason to refuse.
    expect(walkInCutoff(input(at('07:30'), 0, { counters: ended.counters })).cut).toBe(false);
  });

  it('never cuts by time a service without hours or on a day it is closed', () => {
    expect(walkInCutoff(input(at('15:00'), 100, { hours: null }))).toMatchObject({
      cut: false,
      closesAt: null,
    });
    const saturday = new Date('2026-12-05T15:00:00+01:00');
    expect(walkInCutoff(input(saturday, 100)).closesAt).toBeNull();
  });
});
