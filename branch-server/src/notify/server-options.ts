import type { Sender } from './sender';
import type { NotifySettings } from './settings';
import { smsGateway, type SmsGatewayOptions } from './sms-gateway';
import { smtpMailer, type SmtpMailerOptions } from './smtp-mailer';
import type { Channel } from './types';

/** What the branch server is told about notifications (from the configuration). */
export interface NotifyServerOptions {
  smtp?: SmtpMailerOptions;
  sms?: SmsGatewayOptions;
  settings?: Partial<NotifySettings>;
  /** Transports given directly (tests, benches); they win over `smtp` and `sms`. */
  senders?: Partial<Record<Channel, Sender>>;
}

/** The transports of the configured channels; none → notifications are off. */
export function sendersOf(o: NotifyServerOptions | undefined): Partial<Record<Channel, Sender>> {
  const out: Partial<Record<Channel, Sender>> = {};
  if (o?.smtp) out.email = smtpMailer(o.smtp);
  if (o?.sms) out.sms = smsGateway(o.sms);
  return { ...out, ...o?.senders };
}
