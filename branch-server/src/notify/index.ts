export { createNotifier, type Notifier, type NotifierOptions, type NotifyStats } from './notifier';
export { defaultNotifySettings, type NotifySettings } from './settings';
export { smtpMailer, messageIdOf, type SmtpMailerOptions } from './smtp-mailer';
export { smsGateway, smsIdx, type SmsGatewayOptions } from './sms-gateway';
export { smsCost, transliterate, isGsm7, smsText } from './sms-text';
export { renderTexts, SMS_FIELD_LIMIT } from './templates';
export { keyOf } from './planner';
export type { Sender, OutgoingMessage } from './sender';
export type { Channel, MessageKind } from './types';
