import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../store';
import { bookingNoShows } from './booking-no-shows';

// Known data: a week in Warsaw (UTC+1 in March). Monday 9th: 3 emerytury kept, 1 missed;
// Tuesday 10th: 1 zasilki kept, 1 zasilki missed, 1 cancelled (not counted), 1 emerytury still
// inside its window at `until` (not yet missed); Sunday 8th and Monday 16th lie outside the week.
let db: Db | undefined;
afterEach(() => db?.close());

function seed(): Db {
  const d = openDatabase(':memory:');
  const kept = d.prepare(
    `INSERT INTO stats_daily (day, service_id, counter_id, clerk, booked) VALUES (?, ?, ?, '', ?)`,
  );
  kept.run('2026-03-09', 'emerytury', 1, 2);
  kept.run('2026-03-09', 'emerytury', 2, 1);
  kept.run('2026-03-10', 'zasilki', 1, 1);
  kept.run('2026-03-16', 'zasilki', 1, 5);
  const booking = d.prepare(
    `INSERT INTO bookings (code, service_id, booked_for, status, updated_at)
     VALUES (?, ?, ?, ?, '2026-03-01T00:00:00.000Z')`,
  );
  booking.run('M1', 'emerytury', '2026-03-09T08:00:00.000Z', 'booked');
  booking.run('M2', 'zasilki', '2026-03-10T09:30:00.000Z', 'booked');
  booking.run('C1', 'zasilki', '2026-03-10T09:00:00.000Z', 'cancelled');
  booking.run('K1', 'emerytury', '2026-03-09T09:00:00.000Z', 'checked-in');
  booking.run('LATE', 'emerytury', '2026-03-10T11:00:00.000Z', 'booked');
  // 00:30 local on Monday 9th is still Sunday 8th 23:30Z: it belongs to Monday.
  booking.run('NIGHT', 'emerytury', '2026-03-08T23:30:00.000Z', 'booked');
  booking.run('SUN', 'emerytury', '2026-03-08T10:00:00.000Z', 'booked');
  return d;
}

describe('bookingNoShows', () => {
  const week = { from: '2026-03-09', to: '2026-03-15', zone: 'Europe/Warsaw' };

  it('gives the no-show rate per day, per service and in total', () => {
    db = seed();
    const r = bookingNoShows(db, {
      ...week,
      until: new Date('2026-03-10T11:00:00.000Z'),
      serviceOrder: ['zasilki', 'emerytury'],
    });
    expect(r.byDay).toHaveLength(7);
    expect(r.byDay[0]).toEqual({ key: '2026-03-09', kept: 3, missed: 2, rate: 0.4 });
    expect(r.byDay[1]).toEqual({ key: '2026-03-10', kept: 1, missed: 1, rate: 0.5 });
    expect(r.byDay[2]).toEqual({ key: '2026-03-11', kept: 0, missed: 0, rate: null });
    expect(r.byService).toEqual([
      { key: 'zasilki', kept: 1, missed: 1, rate: 0.5 },
      { key: 'emerytury', kept: 3, missed: 2, rate: 0.4 },
    ]);
    expect(r.total).toEqual({ key: 'all', kept: 4, missed: 3, rate: 0.429 });
  });

  it('counts a booking as missed only once its window is over', () => {
    db = seed();
    const r = bookingNoShows(db, { ...week, until: new Date('2026-03-10T12:00:00.000Z') });
    expect(r.byDay[1]).toEqual({ key: '2026-03-10', kept: 1, missed: 2, rate: 0.667 });
    const day = bookingNoShows(db, {
      from: '2026-03-16',
      to: '2026-03-16',
      zone: 'Europe/Warsaw',
      until: new Date('2026-03-20T00:00:00.000Z'),
    });
    expect(day.total).toEqual({ key: 'all', kept: 5, missed: 0, rate: 0 });
  });
});
