import {
  SkrError,
  counterSign,
  type BranchEvent,
  type Lang,
  type LineSummary,
} from '@skr/protocol';
import type { Logger } from 'pino';
import type { Branch } from '../app';
import type { Db } from '../store';
import { bookingRef, contactRepo } from './contact-repo';
import { keyOf, notifyOutbox } from './notify-outbox';
import { bookingNotices } from './booking-notices';
import { renderMessage } from './render';
import { estimateFor, isNear } from './rules';
import type { NotifySettings } from './settings';
import type { Channel } from './types';

/** What the planner reads of the branch (set once the branch exists). */
export type BranchReader = Pick<
  Branch,
  'settings' | 'services' | 'counters' | 'ticket' | 'publicStatus' | 'lines'
>;

/**
 * Decides which message each change makes and queues it. Messages of a committed event are
 * queued inside its transaction (`onCommit`), so a crash can neither lose nor double them;
 * "near" is a state, re-checked after every change and at start, and its key makes it once.
 */
export function notifyPlanner(o: {
  db: Db;
  settings: NotifySettings;
  now: () => Date;
  clockMs: () => number;
  channels: ReadonlySet<Channel>;
  log?: Logger;
  onQueued: () => void;
}) {
  const contacts = contactRepo(o.db);
  const outbox = notifyOutbox(o.db);
  let branch: BranchReader | undefined;

  // The counter's public sign ("9", "T9"), as the voice and the boards give it (issue 12): the
  // templates already say "stanowiska …", and the internal id would name another counter.
  const counterName = (id: number | null) => {
    const c = branch?.counters().find((x) => x.id === id);
    return c ? counterSign(c) : '';
  };

  function onTicketEvent(e: BranchEvent): void {
    const t = e.ticket;
    if (!t) return;
    if (e.type === 'ticket.issued' && t.bookingCode) {
      // A checked-in booking: its contact now follows the ticket; its reminder is moot.
      const from = bookingRef(t.bookingCode);
      outbox.drop(from, 'checked in');
      contacts.moveTo(t.id, from);
      return;
    }
    if (e.type === 'ticket.called') {
      outbox.drop(t.id, 'called', 'turn-near');
      for (const c of contacts.of(t.id)) {
        const msg = renderMessage(
          'called',
          c.channel,
          c.lang,
          { number: t.number, counter: counterName(t.counterId) },
          o.settings,
        );
        outbox.enqueue('called', t.id, c.channel, msg, o.now(), o.clockMs());
      }
      return;
    }
    if (
      ['ticket.finished', 'ticket.no-show', 'ticket.cancelled', 'ticket.expired'].includes(e.type)
    ) {
      // The visit is over: the contact goes, and whatever was still waiting for it.
      outbox.drop(t.id, 'visit ended');
      contacts.erase(t.id);
    }
  }

  function queueNear(id: string, lines?: LineSummary[]): boolean {
    if (!branch) return false;
    const mine = contacts.of(id);
    if (mine.length === 0) return false;
    let t;
    try {
      t = branch.ticket(id);
    } catch {
      return false;
    }
    if (t.state !== 'waiting' || t.calledAt !== null) return false;
    const ahead = branch.publicStatus(id).peopleAhead;
    const line = (lines ?? branch.lines()).find((l) => l.serviceId === t.serviceId);
    const minutes = estimateFor(ahead, line?.waiting ?? 0, line?.estimatedWaitMinutes ?? 0);
    const rule = o.settings.near.byService?.[t.serviceId] ?? o.settings.near;
    if (!isNear(ahead, minutes, rule)) return false;
    let added = false;
    o.db.transaction(() => {
      for (const c of mine) {
        if (outbox.has(keyOf('called', id, c.channel))) continue;
        const msg = renderMessage(
          'turn-near',
          c.channel,
          c.lang,
          { number: t.number, ahead, minutes },
          o.settings,
        );
        added = outbox.enqueue('turn-near', id, c.channel, msg, o.now(), o.clockMs()) || added;
      }
    })();
    return added;
  }

  function checkNear(): void {
    const tickets = contacts.refs().filter((r) => !r.startsWith('booking:'));
    if (tickets.length === 0 || !branch) return;
    // One look at the lines for all clients waiting to hear.
    const lines = branch.lines();
    let added = false;
    for (const ref of tickets) added = queueNear(ref, lines) || added;
    if (added) o.onQueued();
  }

  function requireChannel(channel: Channel): void {
    if (!o.channels.has(channel))
      throw new SkrError(
        'UNAVAILABLE',
        channel === 'sms' ? 'SMS notifications are off' : 'e-mail notifications are off',
      );
  }

  const bookingSide = bookingNotices({ ...o, branch: () => branch, requireChannel });

  return {
    attach(b: BranchReader): void {
      branch = b;
    },
    /** Runs inside each change's transaction; never throws (a message must not undo a change). */
    onCommit(events: BranchEvent[]): void {
      for (const e of events) {
        try {
          onTicketEvent(e);
          // Woken after this change commits; the loop looks again within a second anyway.
          if (bookingSide.onBookingEvent(e)) setImmediate(o.onQueued);
        } catch (err) {
          o.log?.error({ err, type: e.type, seq: e.seq }, 'notification planning failed');
        }
      }
    },
    /** After each committed change: is anyone's turn near now? */
    afterCommit(e: BranchEvent): void {
      if (!e.type.startsWith('ticket.') && !e.type.startsWith('counter.')) return;
      checkNear();
    },
    checkNear,
    /** Keeps a ticket's contact (the follow page); may at once queue "near". */
    contactForTicket(id: string, channel: Channel, address: string, lang: Lang | undefined): void {
      requireChannel(channel);
      if (!branch) throw new SkrError('UNAVAILABLE', 'the branch is starting');
      const t = branch.ticket(id);
      if (t.state !== 'waiting' && t.state !== 'parked')
        throw new SkrError('CONFLICT', 'this visit is no longer waiting');
      contacts.put({ ref: id, channel, address, lang: lang ?? t.lang, day: t.day }, o.now());
      if (queueNear(id)) o.onQueued();
    },
    contactForBooking: bookingSide.contactForBooking,
    /** The client withdraws a contact (one channel or all); what was pending for it is dropped. */
    withdraw(ref: string, channel?: Channel): number {
      return o.db.transaction(() => {
        const n = contacts.erase(ref, channel);
        if (!channel || contacts.of(ref).length === 0) outbox.drop(ref, 'withdrawn');
        return n;
      })();
    },
    sweep: bookingSide.sweep,
  };
}
