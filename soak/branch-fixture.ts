import { callApi } from '../branch-server/test/harness';
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
  const login = async (username: string) => {
    const r = await callApi(url, 'POST', '/api/v1/auth/login', undefined, { username, password });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`);
    return r.body.token as string;
  };
  const admin = await login('admin');
  const clerks: string[] = [];
  for (let i = 1; i <= 12; i += 1) clerks.push(await login(`urzednik${i}`));
  const existing = (await callApi(url, 'GET', '/api/v1/counters', admin)).body
    .counters as unknown[];
  for (let i = existing.length; i < size.counters; i += 1) {
    const skills = demoCounters[i % demoCounters.length]!.skills;
    const r = await callApi(url, 'POST', '/api/v1/config/counters', admin, {
      name: `Stanowisko ${i + 1}`,
      skills,
    });
    if (r.status !== 201)
      throw new Error(`counter ${i + 1}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const device = async (kind: string, name: string) => {
    const r = await callApi(url, 'POST', '/api/v1/devices', admin, { kind, name });
    if (r.status !== 201) throw new Error(`device: ${r.status}`);
    return r.body.token as string;
  };
  const kiosks: string[] = [];
  for (let i = 1; i <= size.kiosks; i += 1) kiosks.push(await device('kiosk', `Biletomat ${i}`));
  const displays: string[] = [];
  for (let i = 1; i <= size.displays; i += 1) displays.push(await device('display', `Ekran ${i}`));
  const counters = Array.from({ length: size.counters }, (_, i) => i + 1);
  for (const c of counters) {
    const r = await callApi(url, 'POST', `/api/v1/counters/${c}/open`, clerks[(c - 1) % 12]);
    if (r.status !== 200) throw new Error(`open ${c}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return { admin, clerks, kiosks, displays, counters };
}
