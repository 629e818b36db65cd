import type { Lang, Service } from '@skr/protocol';
import { localClock, localDay } from '@skr/protocol/time-zone';
import { visitIcs } from './ics';
import { smsText } from './sms-text';
import { renderTexts } from './templates';
import type { Channel, MessageData, MessageKind, RenderedMessage } from './types';
import type { NotifySettings } from './settings';

/** A booking as the messages describe it. */
export interface BookingFacts {
  code: string;
  bookedFor: string;
  serviceId: string;
}

/** The message of `kind` for one channel: SMS text (transliterated if set) or e-mail with .ics. */
export function renderMessage(
  kind: MessageKind,
  channel: Channel,
  lang: Lang,
  data: MessageData,
  settings: NotifySettings,
  ics?: string,
): RenderedMessage {
  const t = renderTexts(kind, lang, { place: settings.place, ...data });
  if (channel === 'sms') return { subject: '', text: smsText(t.sms, settings.transliterate) };
  return { subject: t.subject, text: t.body, ...(ics ? { ics } : {}) };
}

/** Template data of a booking in the branch's zone, the service named in `lang`. */
function bookingData(
  b: BookingFacts,
  lang: Lang,
  services: readonly Service[],
  zone: string,
): MessageData {
  const svc = services.find((s) => s.id === b.serviceId);
  return {
    code: b.code,
    date: localDay(b.bookedFor, zone),
    time: localClock(b.bookedFor, zone).time,
    service: svc?.names[lang] ?? svc?.names.pl ?? b.serviceId,
  };
}

/** A booking's message with its calendar entry on e-mail (cancelled → METHOD:CANCEL). */
export function bookingMessage(
  kind: 'booking-confirmed' | 'booking-reminder' | 'booking-cancelled',
  channel: Channel,
  lang: Lang,
  b: BookingFacts,
  services: readonly Service[],
  zone: string,
  settings: NotifySettings,
  now: Date,
): RenderedMessage {
  const data = bookingData(b, lang, services, zone);
  const ics =
    channel === 'email' && kind !== 'booking-reminder'
      ? visitIcs({
          uid: `booking-${b.code}@skr`,
          start: new Date(b.bookedFor),
          minutes: settings.visitMinutes,
          summary: `ZUS: ${data.service}`,
          location: settings.place,
          description: `${data.code}`,
          cancelled: kind === 'booking-cancelled',
          stamp: now,
        })
      : undefined;
  return renderMessage(kind, channel, lang, data, settings, ics);
}
