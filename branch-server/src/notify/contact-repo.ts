import type { Lang } from '@skr/protocol';
import type { Db } from '../store';
import type { Channel } from './types';

/** A client's contact for one visit: `ref` is a ticket id or `booking:<code>`. */
interface Contact {
  ref: string;
  channel: Channel;
  address: string;
  lang: Lang;
  /** The visit's day (YYYY-MM-DD, branch time): the contact is erased once it has passed. */
  day: string;
}

/** The reference of a booking's contact. */
export const bookingRef = (code: string) => `booking:${code.toUpperCase()}`;

/** The only table holding phone numbers and e-mail addresses; rows are erased, not archived. */
export function contactRepo(db: Db) {
  const put = db.prepare(
    `INSERT INTO notify_contacts (ref, channel, address, lang, day, created_at)
     VALUES (@ref, @channel, @address, @lang, @day, @at)
     ON CONFLICT (ref, channel) DO UPDATE SET address = excluded.address, lang = excluded.lang`,
  );
  const of = db.prepare(
    `SELECT ref, channel, address, lang, day FROM notify_contacts WHERE ref = ?`,
  );
  const one = db.prepare(
    `SELECT ref, channel, address, lang, day FROM notify_contacts WHERE ref = ? AND channel = ?`,
  );
  const erase = db.prepare(`DELETE FROM notify_contacts WHERE ref = ?`);
  const eraseOne = db.prepare(`DELETE FROM notify_contacts WHERE ref = ? AND channel = ?`);
  const erasePast = db.prepare(`DELETE FROM notify_contacts WHERE day < ?`);
  const refs = db.prepare(`SELECT DISTINCT ref FROM notify_contacts`);
  const move = db.prepare(
    `INSERT OR REPLACE INTO notify_contacts (ref, channel, address, lang, day, created_at)
     SELECT ?, channel, address, lang, day, created_at FROM notify_contacts WHERE ref = ?`,
  );
  return {
    /** Keeps (or replaces) the contact of `ref` on its channel. */
    put(c: Contact, at: Date): void {
      put.run({ ...c, at: at.toISOString() });
    },
    of(ref: string): Contact[] {
      return of.all(ref) as Contact[];
    },
    one(ref: string, channel: Channel): Contact | undefined {
      return one.get(ref, channel) as Contact | undefined;
    },
    /** Erases every contact of `ref` (or one channel); answers how many were erased. */
    erase(ref: string, channel?: Channel): number {
      return (channel ? eraseOne.run(ref, channel) : erase.run(ref)).changes;
    },
    /** Erases contacts whose day is before `day`. */
    erasePast(day: string): number {
      return erasePast.run(day).changes;
    },
    refs(): string[] {
      return (refs.all() as { ref: string }[]).map((r) => r.ref);
    },
    /** A checked-in booking's contact becomes its ticket's (the reminder is no longer needed). */
    moveTo(toRef: string, fromRef: string): void {
      move.run(toRef, fromRef);
      erase.run(fromRef);
    },
  };
}
