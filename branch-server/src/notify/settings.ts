import type { RateLimits } from './rate-limit';
import type { NearRule, QuietHours } from './rules';

/** What the branch's notifications do (the `notify` section of the configuration). */
export interface NotifySettings {
  /** Default "near" rule and per-service overrides by service id. */
  near: NearRule & { byService?: Record<string, NearRule> };
  /** Local time the day before a visit at which its reminder goes (HH:MM). */
  reminderAt: string;
  quietHours: QuietHours;
  /** Rewrite SMS into GSM-7 (160 characters a segment instead of 70). */
  transliterate: boolean;
  /** The branch's name and address, in messages and the calendar entry. */
  place: string;
  /** Length of a booked visit in the calendar entry. */
  visitMinutes: number;
  rate: RateLimits;
}

/** Defaults that suit one branch: near at 3 ahead or under 10 min, reminders at 18:00. */
export const defaultNotifySettings: NotifySettings = {
  near: { ahead: 3, minutes: 10 },
  reminderAt: '18:00',
  quietHours: { from: '21:00', to: '08:00' },
  transliterate: false,
  place: 'ZUS Oddział, ul. Szamocka 3, Warszawa',
  visitMinutes: 20,
  rate: { perAddressPerHour: 10, perSecond: 20 },
};
