import { z } from 'zod';
import { Lang } from './domain';
import { BookingCode } from './http';

/** How a client wants to be told. */
export const NotifyChannel = z.enum(['sms', 'email']);
export type NotifyChannel = z.infer<typeof NotifyChannel>;

// Polish mobile numbers (9 digits, optional +48/48) or any E.164 number.
const phone = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^(\+?48)?\d{9}$|^\+\d{9,15}$/, 'phone: 9 digits or +country code'))
  .transform((s) => (/^\d{9}$/.test(s) ? `48${s}` : s.replace(/^\+/, '')));

/** A contact left for one visit: a phone for SMS or an e-mail address. */
export const NotifyContact = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('sms'), address: phone, lang: Lang.optional() }),
  z.object({
    channel: z.literal('email'),
    address: z.email('e-mail address').max(254),
    lang: Lang.optional(),
  }),
]);
export type NotifyContact = z.infer<typeof NotifyContact>;

/** Which contact to withdraw: one channel, or both when absent. */
export const WithdrawContactQuery = z.object({ channel: NotifyChannel.optional() });

/** The path of a booking's contact. */
export const BookingCodeParams = z.object({ code: BookingCode });

/** Answer to leaving a contact: what was kept (never the address back). */
export const ContactAccepted = z.object({
  channel: NotifyChannel,
  lang: Lang,
});
export type ContactAccepted = z.infer<typeof ContactAccepted>;

/** A channel's state: off (not configured), ok, or failing (retrying). */
export const NotifyChannelHealth = z.object({
  state: z.enum(['ok', 'failing', 'off']),
  lastSentAt: z.string().nullable(),
});

/** The manager's view of notifications: counts only. */
export const NotifyStatsResponse = z.object({
  enabled: z.boolean(),
  sent: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
  dropped: z.number().int(),
  channels: z.object({ sms: NotifyChannelHealth, email: NotifyChannelHealth }),
});
export type NotifyStatsResponse = z.infer<typeof NotifyStatsResponse>;
