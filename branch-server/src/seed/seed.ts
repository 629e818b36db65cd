import { randomBytes } from 'node:crypto';
import { defaultQueueSettings } from '@skr/protocol';
import type { AuthService } from '../auth';
import { catalogRepo, type Db } from '../store';
import { demoCounters, demoServices } from './demo-branch';

/** Generates a readable demo password (16 characters) when none is given. */
export function generateDemoPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * On an empty database: the demo branch (services, 12 counters, settings) and the users admin,
 * kierownik, urzednik1…urzednik12, all with `password`. Does nothing on a non-empty one.
 */
export async function seedDemo(db: Db, auth: AuthService, password: string): Promise<boolean> {
  const catalog = catalogRepo(db);
  if (!catalog.isEmpty()) return false;
  if (password.length < 12) throw new Error('SKR_DEMO_PASSWORD needs at least 12 characters');
  db.transaction(() => {
    for (const s of demoServices) catalog.saveService(s);
    for (const c of demoCounters) catalog.saveCounter(c);
    catalog.saveSettings(defaultQueueSettings);
  })();
  await auth.createUser('admin', 'admin', password);
  await auth.createUser('kierownik', 'manager', password);
  for (let i = 1; i <= 12; i += 1) await auth.createUser(`urzednik${i}`, 'clerk', password);
  return true;
}
