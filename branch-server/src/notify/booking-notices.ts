import type { BranchEvent, Lang } from '@skr/protocol';
import { SkrError } from '@skr/protocol';
import { localDay } from '@skr/protocol/time-zone';
import { bookingRepo, type Db } from '../store';
import { bookingRef, contactRepo } from './contact-repo';
import { notifyOutbox } from './notify-outbox';
import type { BranchReader } from './planner';
import { bookingMessage, type BookingFacts } from './render';
import { reminderAt } from './rules';
import type { NotifySettings } from './settings';
import type { Channel } from './types';

/** Bookings' messages: confirmation and reminder when a contact is left, notice on cancel. */
export function bookingNotices(o: {
  db: Db;
  settings: NotifySettings;
  now: () => Date;
  clockMs: () => number;
  branch: () => BranchReader | undefined;
  requireChannel: (c: Channel) => void;
  onQueued: () => void;
}) {
  const contacts = contactRepo(o.db);
  const outbox = notifyOutbox(o.db);
  const bookings = bookingRepo(o.db);
  const ready = () => {
    const branch = o.branch();
    return branch && { zone: branch.settings().timeZone, services: branch.services() };
  };

  /** Queues the confirmation and (unless too late) the reminder of `b` for one contact. */
  function queueConfirmation(b: BookingFacts, channel: Channel, lang: Lang): boolean {
    const env = ready();
    if (!env) return false;
    const now = o.now();
    const ref = bookingRef(b.code);
    const msg = (kind: 'booking-confirmed' | 'booking-reminder') =>
      bookingMessage(kind, channel, lang, b, env.services, env.zone, o.settings, now);
    let added = outbox.enqueue(
      'booking-confirmed',
      ref,
      channel,
      msg('booking-confirmed'),
      now,
      o.clockMs(),
    );
    const at = reminderAt(
      new Date(b.bookedFor),
      now,
      o.settings.reminderAt,
      o.settings.quietHours,
      env.zone,
    );
    if (at) {
      const dueMs = o.clockMs() + (at.getTime() - now.getTime());
      added =
        outbox.enqueue('booking-reminder', ref, channel, msg('booking-reminder'), now, dueMs) ||
        added;
    }
    return added;
  }

  /** Drops `b`'s reminder and queues its cancellation notice once per contact. */
  function queueCancelled(b: BookingFacts): boolean {
    const env = ready();
    if (!env) return false;
    const ref = bookingRef(b.code);
    const now = o.now();
    outbox.drop(ref, 'booking cancelled', 'booking-reminder');
    let added = false;
    for (const c of contacts.of(ref)) {
      const msg = bookingMessage(
        'booking-cancelled',
        c.channel,
        c.lang,
        b,
        env.services,
        env.zone,
        o.settings,
        now,
      );
      added = outbox.enqueue('booking-cancelled', ref, c.channel, msg, now, o.clockMs()) || added;
    }
    return added;
  }

  return {
    /** Keeps a booking's contact and queues its confirmation and its reminder. */
    contactForBooking(code: string, channel: Channel, address: string, lang: Lang): void {
      o.requireChannel(channel);
      const branch = o.branch();
      if (!branch) throw new SkrError('UNAVAILABLE', 'the branch is starting');
      const b = bookings.get(code.toUpperCase());
      if (!b) throw new SkrError('NOT_FOUND', 'no such booking');
      if (b.status !== 'booked') throw new SkrError('CONFLICT', 'this booking is not open');
      const zone = branch.settings().timeZone;
      o.db.transaction(() => {
        const ref = bookingRef(b.code);
        contacts.put({ ref, channel, address, lang, day: localDay(b.bookedFor, zone) }, o.now());
        queueConfirmation(b, channel, lang);
      })();
      o.onQueued();
    },
    /**
     * A calendar change, inside its transaction: a cancelled visit gets its notice and loses its
     * reminder at once; a moved visit's contacts follow it to the new code, which is confirmed
     * (and reminded) while the old one's pending messages go.
     */
    onBookingEvent(e: BranchEvent): boolean {
      const v = e.booking;
      if (!v?.serviceId || !v.start) return false;
      const facts = { code: v.code, serviceId: v.serviceId, bookedFor: v.start };
      if (e.type === 'booking.cancelled') return queueCancelled(facts);
      if (e.type !== 'booking.rebooked' || !v.previousCode) return false;
      const from = bookingRef(v.previousCode);
      outbox.drop(from, 'booking moved');
      contacts.moveTo(bookingRef(v.code), from);
      let added = false;
      for (const c of contacts.of(bookingRef(v.code)))
        added = queueConfirmation(facts, c.channel, c.lang) || added;
      return added;
    },
    /**
     * Housekeeping: contacts whose day has passed are erased; a booking cancelled by the
     * portal's feed (which writes no event) gets its notice once and loses its reminder.
     */
    sweep(): void {
      const env = ready();
      if (!env) return;
      contacts.erasePast(localDay(o.now(), env.zone));
      let added = false;
      for (const ref of contacts.refs()) {
        if (!ref.startsWith('booking:')) continue;
        const b = bookings.get(ref.slice('booking:'.length));
        if (!b || b.status !== 'cancelled') continue;
        added = o.db.transaction(() => queueCancelled(b))() || added;
      }
      if (added) o.onQueued();
    },
  };
}
