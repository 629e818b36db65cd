// Staff password policy (issue 13): length alone let `aaaaaaaaaaaa`, `123456789012`, twelve
// spaces and the user name itself through. Now a zxcvbn estimate with Polish dictionaries and a
// user-name check refuse them with a Polish reason, while the passwords tests, the soak and the
// demo seed use still pass.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertStaffPassword,
  authService,
  passwordProblem,
  passwordProblemMessage,
} from '../src/auth';
import { generateDemoPassword } from '../src/seed/seed';
import { authRepo, openDatabase } from '../src/store';
import { startTestBranch, TEST_PASSWORD, type TestBranch } from './harness';

describe('staff password policy', () => {
  it("refuses the issue's examples, each with its reason", () => {
    expect(passwordProblem('aaaaaaaaaaaa', 'urzednik1')).toBe('too-weak');
    expect(passwordProblem('123456789012', 'urzednik1')).toBe('too-weak');
    expect(passwordProblem(' '.repeat(12), 'urzednik1')).toBe('too-weak');
    expect(passwordProblem('kierownik.oddzialu', 'kierownik.oddzialu')).toBe('contains-username');
    expect(passwordProblem('Urzędnik1-Wola-2024', 'urzednik1')).toBe('contains-username');
    expect(passwordProblem('short-pass1', 'x')).toBe('too-short');
    expect(passwordProblem('a-'.repeat(40), 'x')).toBe('too-long');
  });

  it('refuses common Polish and keyboard patterns', () => {
    for (const weak of ['haslohaslo12', 'qwertyuiopas', 'Kochamcie1234', 'polska123456'])
      expect(passwordProblem(weak, 'nowak'), weak).toBe('too-weak');
  });

  it('accepts the passwords the tests, the soak and the demo seed use', () => {
    const users = [
      'admin',
      'kierownik',
      ...Array.from({ length: 12 }, (_, i) => `urzednik${i + 1}`),
    ];
    for (const u of users) {
      expect(passwordProblem(TEST_PASSWORD, u), u).toBeNull();
      expect(passwordProblem('soak-password-1234', u), u).toBeNull();
    }
    expect(passwordProblem('bardzo-tajne-haslo-1', 'nowy.urzednik')).toBeNull();
    expect(passwordProblem('Kolejka w ZUS na Woli', 'admin')).toBeNull();
    for (let i = 0; i < 20; i += 1)
      expect(passwordProblem(generateDemoPassword(), 'admin')).toBeNull();
  });

  it('throws INVALID with a Polish message and the reason in details', () => {
    let caught: unknown;
    try {
      assertStaffPassword('123456789012', 'admin');
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({
      code: 'INVALID',
      message: expect.stringMatching(/^Hasło jest zbyt łatwe do odgadnięcia/),
      details: { field: 'password', reason: 'too-weak' },
    });
    expect(passwordProblemMessage('too-short', 'en')).toMatch(/at least 12/);
    expect(passwordProblemMessage('contains-username', 'uk')).toMatch(/ім'я користувача/);
  });

  it('estimates a worst-case 64-character password in well under a second', () => {
    const start = performance.now();
    passwordProblem('p4$$w0rd'.repeat(8), 'admin');
    passwordProblem('password1'.repeat(7).slice(0, 64), 'admin');
    expect(performance.now() - start).toBeLessThan(1500);
  });
});

describe('accounts made with a weak password', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skr-pw-'));
  let b: TestBranch;
  beforeAll(async () => {
    b = await startTestBranch({ serveApps: false });
  });
  afterAll(async () => {
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are refused by the auth service (skr-admin, the demo seed)', async () => {
    const db = openDatabase(join(dir, 'auth.sqlite'));
    try {
      const auth = authService(authRepo(db), () => new Date());
      await expect(auth.createUser('nowak', 'clerk', 'aaaaaaaaaaaa')).rejects.toMatchObject({
        code: 'INVALID',
        details: { reason: 'too-weak' },
      });
      await expect(auth.createUser('kowalski.jan', 'clerk', 'kowalski.jan')).rejects.toMatchObject({
        code: 'INVALID',
      });
      await auth.createUser('nowak', 'clerk', 'bardzo-tajne-haslo-1');
    } finally {
      db.close();
    }
  });

  it('are refused over the API with a 400 and a Polish reason, and nothing is saved', async () => {
    const admin = await b.login('admin');
    for (const [username, password] of [
      ['x.nowak', 'aaaaaaaaaaaa'],
      ['x.nowak', '123456789012'],
      ['x.nowak', ' '.repeat(12)],
      ['x.nowak.pl', 'x.nowak.pl'.repeat(2)],
    ] as const) {
      const r = await b.api('PUT', `/api/v1/config/users/${username}`, admin, {
        role: 'clerk',
        active: true,
        password,
      });
      expect(r.status, password).toBe(400);
      expect(r.body.code).toBe('INVALID');
      expect(r.body.message).toMatch(/Hasło/);
      const login = await b.tryLogin(username, password);
      expect(login.status).toBe(401);
    }
  });
});
