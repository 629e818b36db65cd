import { soakApi } from './branch-api';
import { demoCounters } from '../branch-server/src/seed/demo-branch';

/** Tokens and the size of the soak branch. */
export interface SoakBranch {
  admin: string;
  clerks: string[];
  kiosks: string[];
  displays: string[];
  counters: number[];
}

/**
 * Turns the demo branch into the ×10 peak-hour branch: 60 counters (the demo skills ×5),
 * 6 kiosks and 20 screens paired, every counter opened by a clerk.
 */
export async function setUpBranch(
  url: string,
  password: string,
  size = { counters: 60, kiosks: 6, displays: 20 },
): Promise<SoakBranch> {
  const api = soakApi(url);
  const login = async (username: string) =>
    (await api.call('login', { body: { username, password } })).token;
  const admin = await login('admin');
  const clerks: string[] = [];
  for (let i = 1; i <= 12; i += 1) clerks.push(await login(`urzednik${i}`));
  const asAdmin = api.withToken(admin);
  const existing = (await asAdmin.call('listCounters')).counters;
  for (let i = existing.length; i < size.counters; i += 1) {
    const skills = demoCounters[i % demoCounters.length]!.skills;
    await asAdmin.call('createCounter', { body: { name: `Stanowisko ${i + 1}`, skills } });
  }
  const device = async (kind: 'kiosk' | 'display', name: string) =>
    (await asAdmin.call('pairDevice', { body: { kind, name } })).token;
  const kiosks: string[] = [];
  for (let i = 1; i <= size.kiosks; i += 1) kiosks.push(await device('kiosk', `Biletomat ${i}`));
  const displays: string[] = [];
  for (let i = 1; i <= size.displays; i += 1) displays.push(await device('display', `Ekran ${i}`));
  const counters = Array.from({ length: size.counters }, (_, i) => i + 1);
  for (const c of counters) {
    await api.withToken(clerks[(c - 1) % 12]).call('openCounter', { params: { id: c } });
  }
  return { admin, clerks, kiosks, displays, counters };
}
