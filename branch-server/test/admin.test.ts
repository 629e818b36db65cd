import Database from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { runAdmin } from '../src/admin/cli';
import { codeSchemaVersion } from '../src/admin/schema-version';
import { callApi, loginAt, startTestBranch, type TestBranch } from './harness';

// skr-admin against a running branch server and its real SQLite files.
const root = mkdtempSync(join(tmpdir(), 'skr-admin-'));
const dataDir = join(root, 'data');
let b: TestBranch;

async function admin(args: string[], opts: { dir?: string; stdin?: string; port?: number } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readStdin: async () => opts.stdin ?? '',
    env: {
      SKR_CONFIG: '',
      SKR_DATA_DIR: opts.dir ?? dataDir,
      SKR_PORT: String(opts.port ?? 0),
    },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function ticketRows(dbPath: string): unknown[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare('SELECT id, number, state, service_id, issued_at FROM tickets ORDER BY id')
      .all();
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  b = await startTestBranch({ dir: dataDir });
});
afterAll(async () => {
  await b.close();
  rmSync(root, { recursive: true, force: true });
});

describe('skr-admin backup and restore', () => {
  it('backs up online, verifies, and a restore into a fresh data dir has the same tickets', async () => {
    // A branch and folders per attempt: CI's retry would count the first attempt's tickets too.
    const attempt = mkdtempSync(join(root, 'attempt-'));
    const live = join(attempt, 'data');
    const b = await startTestBranch({ dir: live });
    onTestFinished(() => b.close());
    const kiosk = await b.device('kiosk');
    for (let i = 0; i < 5; i += 1)
      expect(
        (await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' })).status,
      ).toBe(201);
    const backup = await admin(['backup'], { dir: live });
    expect(backup.code, backup.err).toBe(0);
    const file = /kopia: (\S+\.sqlite)/.exec(backup.out)![1]!;
    expect(backup.out).toContain('integrity_check ok');
    // The server keeps writing while and after the backup is taken.
    expect((await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' })).status).toBe(
      201,
    );

    const fresh = join(attempt, 'fresh');
    const restored = await admin(['restore', file], { dir: fresh });
    expect(restored.code, restored.err).toBe(0);
    const rows = ticketRows(join(fresh, 'branch.sqlite'));
    expect(rows).toHaveLength(5);
    expect(rows).toEqual(ticketRows(file));
    expect(ticketRows(join(live, 'branch.sqlite'))).toHaveLength(6);
  });

  it('keeps only the newest N backups', async () => {
    const dir = join(root, 'keep');
    for (let i = 0; i < 4; i += 1) {
      const r = await admin(['backup', '--dir', dir, '--keep', '2', '--tag', `n${i}`]);
      expect(r.code, r.err).toBe(0);
      await new Promise((res) => setTimeout(res, 1100)); // names carry the second
    }
    const names = readdirSync(dir).sort();
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/-n2\.sqlite$/);
    expect(names[1]).toMatch(/-n3\.sqlite$/);
  }, 20_000);

  it('refuses a backup with a newer schema than the code, and a damaged one', async () => {
    const r = await admin(['backup', '--dir', join(root, 'newer')]);
    const file = /kopia: (\S+\.sqlite)/.exec(r.out)![1]!;
    const db = new Database(file);
    db.pragma(`user_version = ${codeSchemaVersion() + 1}`);
    db.close();
    const target = join(root, 'target');
    const refused = await admin(['restore', file], { dir: target });
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(new RegExp(`schemat v${codeSchemaVersion() + 1}`));
    expect(existsSync(join(target, 'branch.sqlite'))).toBe(false);

    const junk = join(root, 'junk.sqlite');
    copyFileSync(file, junk);
    const bytes = readFileSync(junk);
    bytes.fill(0x55, 4096 * 2, 4096 * 3); // wipe a page of the tables
    writeFileSync(junk, bytes);
    const bad = await admin(['verify', junk]);
    expect(bad.code).toBe(1);
  });
});

describe('skr-admin accounts, pairing, health', () => {
  it('creates a user, resets a password, pairs a screen', async () => {
    const login = (username: string, password: string) => loginAt(b.url, username, password);
    // A login per attempt: CI's retry would find the first attempt's account (user-add refuses).
    const user = `jkowalska-${Math.random().toString(36).slice(2, 8)}`;
    const created = await admin(['user-add', user, 'clerk', '--password-stdin'], {
      stdin: 'Pierwsze-Haslo-2026\n',
    });
    expect(created.code, created.err).toBe(0);
    expect((await login(user, 'Pierwsze-Haslo-2026')).status).toBe(200);
    expect((await admin(['user-add', user, 'clerk'])).code).toBe(1);
    expect((await admin(['user-add', 'xyz', 'boss'])).code).toBe(1);

    const reset = await admin(['password', user]);
    expect(reset.code, reset.err).toBe(0);
    const generated = /hasło \(pokazane tylko teraz\): (\S+)/.exec(reset.out)![1]!;
    expect((await login(user, 'Pierwsze-Haslo-2026')).status).toBe(401);
    expect((await login(user, generated)).status).toBe(200);

    const paired = await admin(['pair', 'display', 'Ekran', 'sali', 'A']);
    expect(paired.code, paired.err).toBe(0);
    const token = /token \(pokazany tylko teraz\): (\S+)/.exec(paired.out)![1]!;
    expect((await callApi(b.url, 'GET', '/api/v1/display/config', token)).status).toBe(200);
  });

  it('shows health (end-day: admin-end-day.test.ts)', async () => {
    const port = Number(new URL(b.url).port);
    const h = await admin(['health'], { port });
    expect(h.code, h.out).toBe(0);
    expect(h.out).toMatch(/serwer: 200/);
    expect(h.out).toContain(`schemat v${codeSchemaVersion()}`);
    expect((await admin(['what'])).code).toBe(2);
    expect((await admin(['help'])).out).toContain('end-day');
  });
});

describe('skr-admin migrate', () => {
  it('migrates an old database once, with a backup first', async () => {
    // A folder per attempt: CI's retry would otherwise fail on the first attempt's (EEXIST).
    const dir = join(mkdtempSync(join(root, 'attempt-')), 'old');
    mkdirSync(dir);
    new Database(join(dir, 'branch.sqlite')).close(); // schema v0
    const first = await admin(['migrate'], { dir });
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(new RegExp(`v0 → v${codeSchemaVersion()}`));
    expect(readdirSync(join(dir, 'backups')).some((n) => n.includes('pre-migrate-v0'))).toBe(true);
    const again = await admin(['migrate'], { dir });
    expect(again.out).toMatch(/nic do zrobienia/);
  });

  it('puts the previous database back when a migration fails', async () => {
    const dir = join(mkdtempSync(join(root, 'attempt-')), 'broken');
    mkdirSync(dir);
    const path = join(dir, 'branch.sqlite');
    // A v0 database with a table in the way of migration 1: the migration must fail.
    const db = new Database(path);
    db.exec(`CREATE TABLE counters (id INTEGER PRIMARY KEY, note TEXT);
             INSERT INTO counters VALUES (7, 'dane poprzedniej wersji');`);
    db.close();
    const r = await admin(['migrate'], { dir });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/przywrócono bazę sprzed migracji/);
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(0);
    expect(after.prepare('SELECT note FROM counters WHERE id = 7').get()).toEqual({
      note: 'dane poprzedniej wersji',
    });
    after.close();
  });
});
