import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';
import { profileConfirmations } from './011-profile-confirmations';

const STEP = MIGRATIONS.indexOf(profileConfirmations);

describe('step 11: the profile-confirmation outbox kind (table rebuild)', () => {
  it('keeps every outbox row and id, and takes the new kind but no unknown one', () => {
    expect(STEP).toBe(10);
    const db = new Database(':memory:');
    try {
      for (let v = 0; v < STEP; v += 1) db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${STEP}`);
      const add = db.prepare(
        `INSERT INTO outbox (kind, idempotency_key, ref, payload, created_at, next_attempt_ms, state)
         VALUES (?, ?, 'r', '{}', '2026-01-01T00:00:00Z', 5, ?)`,
      );
      add.run('document', 'k1', 'pending');
      add.run('daily-stats', 'k2', 'delivered');
      db.prepare('DELETE FROM outbox WHERE idempotency_key = ?').run('k2');
      add.run('visit-outcome', 'k3', 'failed');
      expect(() => add.run('profile-confirmation', 'k4', 'pending')).toThrow(/CHECK/);
      const before = db.prepare('SELECT * FROM outbox ORDER BY id').all();

      migrate(db);
      expect(db.prepare('SELECT * FROM outbox ORDER BY id').all()).toEqual(before);
      add.run('profile-confirmation', 'k4', 'pending');
      // AUTOINCREMENT goes on after the highest id ever given (k2's, deleted, was 2; k3 is 3).
      expect(db.prepare(`SELECT id FROM outbox WHERE idempotency_key = 'k4'`).pluck().get()).toBe(
        4,
      );
      expect(() => add.run('letter', 'k5', 'pending')).toThrow(/CHECK/);
      const index = db
        .prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'outbox_due'`)
        .pluck()
        .get();
      expect(index).toMatch(/WHERE state = 'pending'/);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
