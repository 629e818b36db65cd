import type { BranchConfig } from '../config';
import type { NotifyServerOptions } from './server-options';

/** The server's notification options from the configuration's `notify` section (none → off). */
export function notifyOptionsOf(n: BranchConfig['notify']): NotifyServerOptions | undefined {
  if (!n) return undefined;
  return {
    ...(n.smtpUrl && n.mailFrom ? { smtp: { url: n.smtpUrl, from: n.mailFrom } } : {}),
    ...(n.smsUrl && n.smsToken
      ? { sms: { url: n.smsUrl, token: n.smsToken, from: n.smsFrom, normalize: n.transliterate } }
      : {}),
    settings: {
      transliterate: n.transliterate,
      reminderAt: n.reminderAt,
      quietHours: n.quietHours,
      near: n.near,
      ...(n.place ? { place: n.place } : {}),
      rate: { perAddressPerHour: n.perAddressPerHour, perSecond: n.perSecond },
    },
  };
}
