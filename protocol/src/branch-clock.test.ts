import { describe, expect, it } from 'vitest';
import { createBranchClock } from './branch-clock';

describe('branch clock', () => {
  it('shows the server time in the branch zone, whatever the PC clock says', () => {
    let pc = Date.parse('2026-11-30T04:21:00Z'); // a PC 3 minutes slow
    const clock = createBranchClock(() => pc);
    expect(clock.synced).toBe(false);
    clock.sync(
      { now: '2026-11-30T04:24:00.000Z', timeZone: 'Europe/Warsaw', offsetMinutes: 60 },
      pc,
    );
    expect(clock.skewMs).toBe(180_000);
    pc += 60_000;
    expect(clock.now().toISOString()).toBe('2026-11-30T04:25:00.000Z');
    expect(clock.time(clock.now(), 'pl')).toBe('05:25');
    // Just after midnight in Warsaw is still the previous day in UTC.
    expect(clock.day('2026-11-30T23:30:00Z')).toBe('2026-12-01');
  });

  it('keeps the fallback zone for an unknown one and re-times from a snapshot instant', () => {
    const clock = createBranchClock(() => 0);
    let heard = 0;
    clock.subscribe(() => heard++);
    clock.sync({ now: '1970-01-01T00:00:10.000Z', timeZone: 'Mars/Olympus', offsetMinutes: 0 }, 0);
    expect(clock.timeZone).toBe('Europe/Warsaw');
    expect(heard).toBe(1);
    clock.syncInstant('1970-01-01T00:00:20.000Z', 0);
    expect(clock.skewMs).toBe(20_000);
    // Summer time: Warsaw is UTC+2.
    expect(clock.time('2026-07-01T10:00:00Z', 'pl')).toBe('12:00');
  });
});
