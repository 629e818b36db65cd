import type { Lang } from '@skr/protocol';

/** How a client is told. */
export type Channel = 'sms' | 'email';

/** Which message an event makes. */
export type MessageKind =
  'booking-confirmed' | 'booking-reminder' | 'booking-cancelled' | 'turn-near' | 'called';

/** What a template is filled with (already in the branch's wall-clock time). */
export interface MessageData {
  /** Ticket number (A012) for turn messages. */
  number?: string;
  counter?: string;
  ahead?: number;
  minutes?: number;
  /** Booking code, day (YYYY-MM-DD) and hour (HH:MM). */
  code?: string;
  date?: string;
  time?: string;
  service?: string;
  /** The branch's name and address. */
  place?: string;
}

/** A rendered message, stored in the outbox row until it is sent. */
export interface RenderedMessage {
  subject: string;
  text: string;
  /** An iCalendar attachment (bookings' e-mails). */
  ics?: string;
}

/** Every language a message exists in. */
export type { Lang };
