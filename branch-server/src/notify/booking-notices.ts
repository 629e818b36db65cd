import type { Lang } from '@skr/protocol';
import { SkrError } from '@skr/protocol';
import { localDay } from '@skr/protocol/time-zone';
import { bookingRepo, type Db } from '../store';
import { bookingRef, contactRepo } from './contact-repo';
import { notifyOutbox } from './notify-outbox';
import type { BranchReader } from './planner';
import { keyOf } from './planner';
import { bookingMessage } from './render';
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
      const services = branch.services();
      const now = o.now();
      const ref = bookingRef(b.code);
      o.db.transaction(() => {
        contacts.put({ ref, channel, address, lang, day: localDay(b.bookedFor, zone) }, now);
        const confirm = bookingMessage(
          'booking-confirmed',
          channel,
          lang,
          b,
          services,
          zone,
          o.settings,
          now,
        );
        outbox.enqueue(
          keyOf('booking-confirmed', ref, channel),
          'booking-confirmed',
          ref,
          channel,
          confirm,
          now,
          o.clockMs(),
        );
        const at = reminderAt(
          new Date(b.bookedFor),
          now,
          o.settings.reminderAt,
          o.settings.quietHours,
          zone,
        );
        if (at) {
          const remind = bookingMessage(
            'booking-reminder',
            channel,
            lang,
            b,
            services,
            zone,
            o.settings,
            now,
          );
          const dueMs = o.clockMs() + (at.getTime() - now.getTime());
          outbox.enqueue(
            keyOf('booking-reminder', ref, channel),
            'booking-reminder',
            ref,
            channel,
            remind,
            now,
            dueMs,
          );
        }
      })();
      o.onQueued();
    },
    /**
     * Housekeeping: contacts whose day has passed are erased; a booking cancelled (by the
     * portal's feed or the desk) gets its notice once and loses its reminder.
     */
    sweep(): void {
      const branch = o.branch();
      if (!branch) return;
      const zone = branch.settings().timeZone;
      const now = o.now();
      contacts.erasePast(localDay(now, zone));
      const services = branch.services();
      let added = false;
      for (const ref of contacts.refs()) {
        if (!ref.startsWith('booking:')) continue;
        const b = bookings.get(ref.slice('booking:'.length));
        if (!b || b.status !== 'cancelled') continue;
        o.db.transaction(() => {
          outbox.drop(ref, 'booking cancelled', 'booking-reminder');
          for (const c of contacts.of(ref)) {
            const msg = bookingMessage(
              'booking-cancelled',
              c.channel,
              c.lang,
              b,
              services,
              zone,
              o.settings,
              now,
            );
            added =
              outbox.enqueue(
                keyOf('booking-cancelled', ref, c.channel),
                'booking-cancelled',
                ref,
                c.channel,
                msg,
                now,
                o.clockMs(),
              ) || added;
          }
        })();
      }
      if (added) o.onQueued();
    },
  };
}
