// The pure rules of notifications: quiet hours, when a reminder goes, "near", rate limits; and
// the configuration's SKR_* variables for the transports.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { notifyOptionsOf } from '../src/notify';
import { rateLimiter } from '../src/notify/rate-limit';
import { afterQuietHours, inQuietHours, isNear, reminderAt } from '../src/notify/rules';

const Z = 'Europe/Warsaw';
const Q = { from: '21:00', to: '08:00' };

describe('quiet hours and reminders', () => {
  it('knows a window that wraps past midnight', () => {
    expect(inQuietHours(new Date('2026-12-01T21:30:00Z'), Q, Z)).toBe(true); // 22:30 local
    expect(inQuietHours(new Date('2026-12-01T06:59:00Z'), Q, Z)).toBe(true); // 07:59
    expect(inQuietHours(new Date('2026-12-01T07:00:00Z'), Q, Z)).toBe(false); // 08:00
    expect(afterQuietHours(new Date('2026-12-01T22:00:00Z'), Q, Z).toISOString()).toBe(
      '2026-12-02T07:00:00.000Z',
    );
  });

  it('reminds the day before at the hour, moved out of quiet hours, never within the last hour', () => {
    const visit = new Date('2026-12-03T09:00:00Z'); // 10:00 in Warsaw
    const now = new Date('2026-12-01T10:00:00Z');
    expect(reminderAt(visit, now, '18:00', Q, Z)?.toISOString()).toBe('2026-12-02T17:00:00.000Z');
    expect(reminderAt(visit, now, '22:30', Q, Z)?.toISOString()).toBe('2026-12-03T07:00:00.000Z');
    // Booked at 23:00 the evening before: the reminder waits for 08:00, still before the visit.
    expect(reminderAt(visit, new Date('2026-12-02T22:00:00Z'), '18:00', Q, Z)?.toISOString()).toBe(
      '2026-12-03T07:00:00.000Z',
    );
    // Booked at 09:30 for 10:00: no reminder.
    expect(reminderAt(visit, new Date('2026-12-03T08:30:00Z'), '18:00', Q, Z)).toBeNull();
  });

  it('is near by people ahead or by the estimate', () => {
    expect(isNear(3, 30, { ahead: 3, minutes: 10 })).toBe(true);
    expect(isNear(4, 9, { ahead: 3, minutes: 10 })).toBe(true);
    expect(isNear(4, 10, { ahead: 3, minutes: 10 })).toBe(false);
  });
});

describe('rate limits', () => {
  it('holds one address to its hourly share and the branch to its rate', () => {
    const l = rateLimiter({ perAddressPerHour: 2, perSecond: 3 });
    expect(l.take('a', 0)).toBe(0);
    expect(l.take('a', 1)).toBe(0);
    expect(l.take('a', 2)).toBeGreaterThan(3_599_000);
    expect(l.take('b', 3)).toBe(0);
    expect(l.take('c', 4)).toBeGreaterThan(0); // 3 sent this second
    expect(l.take('c', 1001)).toBe(0);
  });
});

describe('notification configuration', () => {
  it('reads SKR_SMTP_URL, SKR_MAIL_FROM, SKR_SMS_URL and SKR_SMS_TOKEN', () => {
    const config = loadConfig({
      env: {
        SKR_SMTP_URL: 'smtps://u:p@mail.example.test:465',
        SKR_MAIL_FROM: 'oddzial@zus.test',
        SKR_SMS_URL: 'https://api.smsapi.pl',
        SKR_SMS_TOKEN: 'secret',
      },
    });
    const o = notifyOptionsOf(config.notify);
    expect(o?.smtp).toEqual({ url: 'smtps://u:p@mail.example.test:465', from: 'oddzial@zus.test' });
    expect(o?.sms).toMatchObject({ url: 'https://api.smsapi.pl', token: 'secret' });
  });

  it('refuses an SMS gateway without its token, and is off when nothing is set', () => {
    expect(() => loadConfig({ env: { SKR_SMS_URL: 'https://api.smsapi.pl' } })).toThrow(/smsToken/);
    expect(notifyOptionsOf(loadConfig({ env: {} }).notify)).toBeUndefined();
  });
});
