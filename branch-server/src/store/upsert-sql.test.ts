import { describe, expect, it } from 'vitest';
import { upsertSql } from './upsert-sql';

describe('upsertSql', () => {
  it('binds camelCase fields (or the ones named) and updates every column but the key', () => {
    expect(
      upsertSql('services', 'id', ['id', 'grp', 'target_wait_minutes'], { grp: 'group' }),
    ).toBe(
      'INSERT INTO services (id, grp, target_wait_minutes) VALUES (@id, @group, @targetWaitMinutes) ' +
        'ON CONFLICT (id) DO UPDATE SET grp=excluded.grp, target_wait_minutes=excluded.target_wait_minutes',
    );
  });
});
