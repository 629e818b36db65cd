import type { RowChange } from '../domain';
import { authRepo, bookingRepo, catalogRepo, ticketRepo, type Db } from '../store';
import { auditRepo } from '../config-admin/audit-repo';
import { calendarStore } from './use-cases/calendar-store';

/**
 * Writes a decision's rows (tickets, bookings, counters, configuration, audit) inside the
 * change's transaction. A ticket update whose stored state is not the expected one throws
 * CONFLICT, which rolls the whole change back.
 */
export function projections(db: Db, tickets = ticketRepo(db)) {
  const catalog = catalogRepo(db);
  const bookings = bookingRepo(db);
  const users = authRepo(db);
  const audit = auditRepo(db);
  const calendar = calendarStore(db);
  const putSetting = db.prepare(
    `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
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
        return calendar.saveVisit(c.visit, c.day);
      case 'calendar-plan':
        return calendar.savePlan(c.plan);
    }
  }
  return { apply: (rows: readonly RowChange[]) => rows.forEach(one) };
}
export type Projections = ReturnType<typeof projections>;
