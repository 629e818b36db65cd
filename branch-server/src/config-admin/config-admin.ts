import {
  SkrError,
  type BranchEvent,
  type Counter,
  type DeviceKind,
  type DisplayConfig,
  type Service,
} from '@skr/protocol';
import type {
  AuditEntry,
  BranchConfig,
  CounterConfig,
  OpeningHours,
  ServiceConfig,
  SettingsConfig,
  UserConfig,
} from '@skr/protocol/manager';
import type { Branch } from '../app';
import { hashPassword, type AuthService } from '../auth';
import { authRepo, catalogRepo, eventLog } from '../store';
import { auditRepo } from './audit-repo';
import { fieldDiff, type FieldDiff } from './diff';

const hoursKey = (serviceId: string) => `hours:${serviceId}`;

/**
 * The admin's configuration use cases. Each change is one transaction: the new rows, an audit
 * entry (who, when, what) and a `config.changed` event; then the running branch reloads its
 * matters, counters and settings from the database (no restart). Reloading is synchronous on
 * the event loop, so no queue operation sees half a change; tickets in hand stay untouched.
 */
export function configAdmin(branch: Branch, auth: AuthService) {
  const { db } = branch;
  const catalog = catalogRepo(db);
  const users = authRepo(db);
  const audit = auditRepo(db);
  const log = eventLog(db);
  const getSetting = db.prepare(`SELECT value FROM settings WHERE key = ?`);
  const putSetting = db.prepare(
    `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const revokeSessions = db.prepare(`UPDATE tokens SET revoked = 1 WHERE subject = ?`);

  function openingHours(id: string): OpeningHours | null {
    const r = getSetting.get(hoursKey(id)) as { value: string } | undefined;
    return r ? (JSON.parse(r.value) as OpeningHours) : null;
  }

  /** Writes, audits and logs in one transaction, then reloads and publishes. */
  function change(
    actor: string,
    entity: AuditEntry['entity'],
    entityId: string,
    action: AuditEntry['action'],
    write: () => { diff: FieldDiff; counter?: Counter; entityId?: string },
  ): FieldDiff {
    const at = branch.now().toISOString();
    let event: BranchEvent | undefined;
    const diff = db.transaction(() => {
      const r = write();
      if (Object.keys(r.diff).length === 0) return r.diff;
      audit.append({ at, actor, entity, entityId: r.entityId ?? entityId, action, diff: r.diff });
      event = log.append({ at, type: 'config.changed', counter: r.counter, actor });
      return r.diff;
    })();
    if (event) {
      branch.state.load(branch.now());
      branch.events.emit('event', event);
    }
    return diff;
  }

  function checkSkills(skills: Record<string, number>): void {
    for (const id of Object.keys(skills)) {
      if (!branch.state.services.has(id))
        throw new SkrError('INVALID', `no matter ${id}`, { details: { serviceId: id } });
    }
  }

  return {
    /** Everything the configuration screen shows (never password hashes or tokens). */
    config(): BranchConfig {
      return {
        services: catalog.services().map((s) => ({ ...s, openingHours: openingHours(s.id) })),
        counters: catalog.counters(),
        settings: catalog.settings(),
        users: (
          db.prepare(`SELECT username, role, active FROM users ORDER BY username`).all() as {
            username: string;
            role: BranchConfig['users'][number]['role'];
            active: number;
          }[]
        ).map((u) => ({ username: u.username, role: u.role, active: u.active === 1 })),
        devices: auth.devices().map((d) => ({
          ...d,
          displayConfig: catalog.displayConfig(`device:${d.id}`) ?? null,
        })),
      };
    },

    /** Creates or changes a matter; prefixes stay unique among active matters. */
    saveService(id: string, next: ServiceConfig, actor: string): FieldDiff {
      if (next.id !== id) throw new SkrError('INVALID', 'the id in the path and body differ');
      const clash = catalog
        .services()
        .find((s) => s.id !== id && s.active && next.active && s.prefix === next.prefix);
      if (clash)
        throw new SkrError('CONFLICT', `prefix ${next.prefix} is used by ${clash.id}`, {
          details: { prefix: next.prefix, serviceId: clash.id },
        });
      const before = catalog.services().find((s) => s.id === id);
      // Read before the write: the hours live in another table than the matter.
      const hoursBefore = openingHours(id);
      return change(actor, 'service', id, before ? 'update' : 'create', () => {
        const { openingHours: hours, ...service } = next;
        catalog.saveService(service as Service);
        putSetting.run(hoursKey(id), JSON.stringify(hours));
        return {
          diff: fieldDiff(before && { ...before, openingHours: hoursBefore }, next),
        };
      });
    },

    /** Creates (id undefined) or renames / re-skills a counter; its live state is kept. */
    saveCounter(id: number | undefined, next: CounterConfig, actor: string): Counter {
      checkSkills(next.skills);
      const before = id === undefined ? undefined : branch.state.counters.get(id);
      if (id !== undefined && !before) throw new SkrError('NOT_FOUND', `no counter ${id}`);
      const newId = id ?? Math.max(0, ...branch.state.counters.keys()) + 1;
      const counter: Counter = before
        ? { ...before, name: next.name, skills: next.skills }
        : { id: newId, ...next, state: 'closed', pauseReason: null, clerk: null };
      change(actor, 'counter', String(newId), before ? 'update' : 'create', () => {
        catalog.saveCounter(counter);
        return { diff: fieldDiff(before, counter), counter };
      });
      return counter;
    },

    /** Changes the queue rules (priority mixing, recall limit, late-arrival window, …). */
    saveSettings(next: SettingsConfig, actor: string): FieldDiff {
      const before = catalog.settings();
      const after = { ...before, ...next };
      return change(actor, 'settings', 'queue', 'update', () => {
        catalog.saveSettings(after);
        return { diff: fieldDiff(before, after) };
      });
    },

    /** Creates or changes a staff account; a role change or lock ends its sessions. */
    async saveUser(username: string, next: UserConfig, actor: string): Promise<FieldDiff> {
      const before = users.user(username);
      if (!before && !next.password)
        throw new SkrError('INVALID', 'a new user needs a password (12 characters or more)');
      const hash = next.password ? await hashPassword(next.password) : before!.passwordHash;
      const losesAdmin = before?.role === 'admin' && (next.role !== 'admin' || !next.active);
      if (losesAdmin) {
        const admins = db
          .prepare(`SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND active = 1`)
          .get() as { n: number };
        if (admins.n <= 1) throw new SkrError('CONFLICT', 'the last active admin must stay');
      }
      const view = (u: { role: string; active: boolean }, pw?: string) => ({
        role: u.role,
        active: u.active,
        ...(pw ? { password: pw } : {}),
      });
      return change(actor, 'user', username, before ? 'update' : 'create', () => {
        users.saveUser({ username, role: next.role, active: next.active, passwordHash: hash });
        if (before && (before.role !== next.role || !next.active || next.password))
          revokeSessions.run(`user:${username}`);
        return { diff: fieldDiff(before && view(before), view(next, next.password)) };
      });
    },

    /** Pairs a device; its token is answered once and never stored. */
    createDevice(kind: DeviceKind, name: string, actor: string): { id: string; token: string } {
      let created!: { id: string; token: string };
      change(actor, 'device', '', 'create', () => {
        created = auth.createDevice(kind, name);
        return { diff: fieldDiff(undefined, { kind, name }), entityId: created.id };
      });
      return created;
    },

    /** Revokes a device and its token: it is refused from its next request on. */
    revokeDevice(id: string, actor: string): void {
      change(actor, 'device', id, 'revoke', () => {
        auth.revokeDevice(id);
        return { diff: { revokedAt: { before: null, after: branch.now().toISOString() } } };
      });
    },

    /** Sets a screen's matters, voice, volume, message and history length. */
    saveDisplayConfig(id: string, next: DisplayConfig, actor: string): FieldDiff {
      const device = auth.devices().find((d) => d.id === id && d.revokedAt === null);
      if (!device || device.kind !== 'display')
        throw new SkrError('NOT_FOUND', `no active display ${id}`);
      const subject = `device:${id}`;
      const before = catalog.displayConfig(subject);
      return change(actor, 'display', id, before ? 'update' : 'create', () => {
        catalog.saveDisplayConfig(subject, next);
        return { diff: fieldDiff(before, next) };
      });
    },

    /** Audit entries, newest first. */
    audit: (limit: number, before?: number) => audit.list(limit, before),
  };
}
export type ConfigAdmin = ReturnType<typeof configAdmin>;
