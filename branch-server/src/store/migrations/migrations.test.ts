import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

// The digests of the steps as shipped: a database past a step never runs it again, so editing
// a shipped step would give new and old databases different schemas. Add a step instead.
const SHIPPED = [
  '73694f21011283b0c2b173a2feda42742586af0ec45f3846fcacc29f03e24f4d',
  '921decb6fdfa2677ac99c9fa0ba984a92498153be5a47e301638c1eaab19b5c5',
  'f2bf47e9beda0b8215f3ccc11e27ea4e3ae7a0da56decd98bfb80891bf97a2dc',
  '39600226cf871b3a9939a73292a76f79363b517a41698fb24f386475333d450b',
  '7761233c2533697fe6485320a7d207fcc5111ddcf780f114d1ffa674edfa582a',
  '455cbcaa1c7698cf80cc4eb1ed10225bc6b1dd27fa251ccca7b0a625fe5520a3',
  '40aa82e61a866a020e1e6ac09a9c62311ae17036d30aefbee2b24ee45646c577',
  '3e3150b795a2dc2f8720cbb44d8337ea68bb8e9fc3281bf9f293f62baeafecac',
  'e798347db97dea10ecc403e3a092c78bca48ea81ad4836593573565c8bd50be0',
  '26bed500b20346f89336323db82e33d1fe870b4d11bea64157c6e02274ee6aa7',
  '8de9ae0e71597d3654e83f099a3aaa5428639584b8d660aca9ad4e9ce53f68e7',
];

describe('migrations', () => {
  it('keeps the SQL text of every shipped step byte for byte', () => {
    const digests = MIGRATIONS.map((sql) => createHash('sha256').update(sql).digest('hex'));
    expect(digests.slice(0, SHIPPED.length)).toEqual(SHIPPED);
  });

  it('brings an empty database to the newest version, and a second run does nothing', () => {
    const db = new Database(':memory:');
    try {
      expect(migrate(db)).toBe(MIGRATIONS.length);
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const triggers = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'stats_%'")
        .pluck()
        .all();
      for (const name of ['issue', 'clerk', 'first_call', 'import_call', 'final', 'import_final'])
        expect(triggers).toContain(`stats_${name}`);
      migrate(db);
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    } finally {
      db.close();
    }
  });
});
