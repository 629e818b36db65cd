import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { counterIdentity } from './009-counter-identity';
import { MIGRATIONS } from './index';

describe('migration 9: counter identity', () => {
  it('backfills the number at the end of the name when unique, else the id, else a free one', () => {
    const db = new Database(':memory:');
    try {
      const step = MIGRATIONS.indexOf(counterIdentity);
      for (const sql of MIGRATIONS.slice(0, step)) db.exec(sql);
      db.pragma(`user_version = ${step}`);
      const add = db.prepare(`INSERT INTO counters (id, name, skills) VALUES (?, ?, '{}')`);
      for (const [id, name] of [
        [1, 'Stanowisko 1'],
        [21, 'Okienko T9'],
        [9, 'Kasa'],
        [4, 'Okienko 7'],
        [5, 'Sala 7'],
      ] as const)
        add.run(id, name);
      migrate(db);
      const rows = db.prepare(`SELECT id, number, label FROM counters ORDER BY id`).all();
      expect(rows).toEqual([
        { id: 1, number: 1, label: null },
        // Two names end in 7: neither takes it, each keeps its id.
        { id: 4, number: 4, label: null },
        { id: 5, number: 5, label: null },
        // Its id 9 is "Okienko T9"'s number now: past the highest number.
        { id: 9, number: 18, label: null },
        { id: 21, number: 9, label: null },
      ]);
      expect(() => db.prepare(`UPDATE counters SET number = 9 WHERE id = 1`).run()).toThrow(
        /UNIQUE/,
      );
    } finally {
      db.close();
    }
  });
});
