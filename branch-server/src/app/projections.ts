import type { RowChange } from '../domain';
import { authRepo, bookingRepo, catalogRepo, ticketRepo, type Db } from '../store';
import { auditRepo } from '../config-admin/audit-repo';
import { profileConfirmationRepo } from '../store/profile-confirmation-repo';
import { outboxRepo } from '../sync/outbox-repo';
import { BOOKING_KEYS, syncState } from '../sync/sync-state';
import { calendarStore } from './use-cases/calendar-store';

/**
 * Writes a decision's rows (tickets, bookings, counters, configuration, audit, the portal
 * feed's cache and cursor) inside the change's transaction. A ticket update whose stored state
 * is not the expected one throws CONFLICT, which rolls the whole change back.
 */
export function projections(db: Db, tickets = ticketRepo(db)) {
  const catalog = catalogRepo(db);
  const bookings = bookingRepo(db);
  const users = authRepo(db);
  const audit = auditRepo(db);
  const calendar = calendarStore(db);
  const confirmations = profileConfirmationRepo(db);
  const outbox = outboxRepo(db);
  const sync = syncState(db);
  const putSetting = db.prepare(
    `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const dropSetting = db.prepare(`DELETE FROM settings WHERE key = ?`);
  const endSessions = db.prepare(`UPDATE tokens SET revoked = 1 WHERE subject = ?`);

  function one(c: RowChange): void {
    switch (c.row) {
      case 'ticket':
        if (c.expected === null) tickets.insert(c.ticket);
        else tickets.update(c.ticket, c.expected);
        return;
      case 'counter':
        return catalog.saveCounter(c.counter);
      case 'booking':
        return bookings.save(c.booking);
      case 'service':
        catalog.saveService(c.service);
        putSetting.run(`hours:${c.service.id}`, JSON.stringify(c.hours));
        return;
      case 'settings':
        return catalog.saveSettings(c.settings);
      case 'display':
        return catalog.saveDisplayConfig(c.subject, c.config);
      case 'user':
        users.saveUser(c.user);
        if (c.endSessions) endSessions.run(`user:${c.user.username}`);
        return;
      case 'device':
        users.addDevice(c.device);
        users.addToken(c.tokenHash, {
          subject: `device:${c.device.id}`,
          principal: c.device.kind,
          expiresAt: null,
        });
        return;
      case 'device-revoked':
        users.revokeDevice(c.id, c.at);
        return;
      case 'audit':
        audit.append(c.entry);
        return;
      case 'calendar-visit':
        return calendar.saveVisit(c.visit, c.day, c.mirror);
      case 'portal-booking':
        return bookings.savePortal(c.booking);
      case 'booking-cursor':
        // The cursor commits with its page: a crash between pages re-reads at most one.
        sync.set(BOOKING_KEYS.cursor, c.cursor);
        sync.set(BOOKING_KEYS.lastPullAt, c.pulledAt);
        sync.set(BOOKING_KEYS.lastError, null);
        return;
      case 'booking-prune':
        return bookings.prune(c.before);
      case 'calendar-plan':
        return calendar.savePlan(c.plan);
      case 'calendar-forget':
        return calendar.forgetPersons(c.before);
      case 'setting':
        if (c.value === null) dropSetting.run(c.key);
        else putSetting.run(c.key, c.value);
        return;
      case 'profile-confirmation':
        // The audit row and the portal's message commit together; due at once (0 ms).
        confirmations.save(c.record);
        outbox.enqueue(
          'profile-confirmation',
          c.record.id,
          c.record.registrationId,
          c.portal,
          new Date(c.record.decidedAt),
          0,
        );
        return;
    }
  }
  return { apply: (rows: readonly RowChange[]) => rows.forEach(one) };
}
export type Projections = ReturnType<typeof projections>;
