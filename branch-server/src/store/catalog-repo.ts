import type { Counter, DisplayConfig, QueueSettings, Service } from '@skr/protocol';
import type { OpeningHours } from '@skr/protocol/manager';
import { defaultQueueSettings } from '@skr/protocol';
import type { Db } from './database';
import { upsertSql } from './upsert-sql';

interface ServiceRow {
  id: string;
  prefix: string;
  names: string;
  descriptions: string | null;
  grp: string;
  ord: number;
  target_wait_minutes: number;
  active: number;
}
interface CounterRow {
  id: number;
  number: number;
  label: string | null;
  name: string;
  skills: string;
  state: string;
  pause_reason: string | null;
  clerk: string | null;
}

const SERVICE_COLUMNS = [
  'id',
  'prefix',
  'names',
  'descriptions',
  'grp',
  'ord',
  'target_wait_minutes',
  'active',
];
const COUNTER_COLUMNS = [
  'id',
  'number',
  'label',
  'name',
  'skills',
  'state',
  'pause_reason',
  'clerk',
];

/** Services, counters and branch settings. */
export function catalogRepo(db: Db) {
  const upsertService = db.prepare(
    upsertSql('services', 'id', SERVICE_COLUMNS, { grp: 'group', ord: 'order' }),
  );
  const upsertCounter = db.prepare(upsertSql('counters', 'id', COUNTER_COLUMNS));
  const getSetting = db.prepare(`SELECT value FROM settings WHERE key = ?`);
  const putSetting = db.prepare(
    `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  return {
    services(): Service[] {
      return (db.prepare(`SELECT * FROM services ORDER BY grp, ord, id`).all() as ServiceRow[]).map(
        (r) => ({
          id: r.id,
          prefix: r.prefix,
          names: JSON.parse(r.names),
          ...(r.descriptions ? { descriptions: JSON.parse(r.descriptions) } : {}),
          group: r.grp,
          order: r.ord,
          targetWaitMinutes: r.target_wait_minutes,
          active: r.active === 1,
        }),
      );
    },
    saveService(s: Service): void {
      upsertService.run({
        ...s,
        names: JSON.stringify(s.names),
        descriptions: s.descriptions ? JSON.stringify(s.descriptions) : null,
        active: s.active ? 1 : 0,
      });
    },
    counters(): Counter[] {
      return (db.prepare(`SELECT * FROM counters ORDER BY id`).all() as CounterRow[]).map((r) => ({
        id: r.id,
        number: r.number,
        label: r.label,
        name: r.name,
        skills: JSON.parse(r.skills),
        state: r.state as Counter['state'],
        pauseReason: r.pause_reason,
        clerk: r.clerk,
      }));
    },
    saveCounter(c: Counter): void {
      upsertCounter.run({ ...c, skills: JSON.stringify(c.skills) });
    },
    settings(): QueueSettings {
      const r = getSetting.get('queue') as { value: string } | undefined;
      return { ...defaultQueueSettings, ...(r ? JSON.parse(r.value) : {}) };
    },
    /** The settings rows whose keys are `key` or start with `prefix`, as key–value pairs. */
    settingRows(prefix: string, key: string): [string, string][] {
      return (
        db
          .prepare(`SELECT key, value FROM settings WHERE (key >= ? AND key < ?) OR key = ?`)
          .all(prefix, `${prefix}\uffff`, key) as { key: string; value: string }[]
      ).map((r) => [r.key, r.value]);
    },
    saveSettings(s: QueueSettings): void {
      putSetting.run('queue', JSON.stringify(s));
    },
    /** A screen's settings by its token subject (`device:<id>`), if the manager set any. */
    displayConfig(subject: string): DisplayConfig | undefined {
      const r = getSetting.get(`display:${subject}`) as { value: string } | undefined;
      return r ? (JSON.parse(r.value) as DisplayConfig) : undefined;
    },
    saveDisplayConfig(subject: string, config: DisplayConfig): void {
      putSetting.run(`display:${subject}`, JSON.stringify(config));
    },
    /** A service's opening hours for walk-ins, if the admin set any. */
    openingHours(serviceId: string): OpeningHours | undefined {
      const r = getSetting.get(`hours:${serviceId}`) as { value: string } | undefined;
      return r ? (JSON.parse(r.value) as OpeningHours) : undefined;
    },
    isEmpty(): boolean {
      return (db.prepare(`SELECT COUNT(*) AS n FROM services`).get() as { n: number }).n === 0;
    },
  };
}
export type CatalogRepo = ReturnType<typeof catalogRepo>;
