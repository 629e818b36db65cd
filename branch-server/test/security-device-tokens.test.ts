// Device credentials (issue 13): they used to never expire. Now a device token lives 30 days, a
// refresh issues a new one (the old one keeps working only for a short overlap), revocation
// still cuts every token of the device at once, and a live socket whose token expires is cut.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEVICE_TOKEN_OVERLAP_MS,
  DEVICE_TOKEN_TTL_MS,
  authService,
  newToken,
  tokenHash,
  type AuthService,
} from '../src/auth';
import { authRepo, openDatabase, type Db } from '../src/store';
import { startTestBranch, until, type TestBranch } from './harness';

const DAY = 24 * 3600_000;
const dir = mkdtempSync(join(tmpdir(), 'skr-devtok-'));
let db: Db;
let auth: AuthService;
let clock = new Date('2026-12-01T08:00:00Z').getTime();
const advance = (ms: number) => (clock += ms);

beforeAll(() => {
  db = openDatabase(join(dir, 'auth.sqlite'));
  auth = authService(authRepo(db), () => new Date(clock));
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('device credentials', () => {
  it('expire 30 days after pairing', () => {
    const paired = auth.createDevice('display', 'Ekran sali');
    expect(paired.expiresAt).toBe(new Date(clock + DEVICE_TOKEN_TTL_MS).toISOString());
    expect(Date.parse(paired.refreshAfter)).toBeLessThan(Date.parse(paired.expiresAt));
    expect(auth.authenticate(paired.token)).toMatchObject({ principal: 'display' });
    advance(DEVICE_TOKEN_TTL_MS - 1000);
    expect(auth.authenticate(paired.token).subject).toBe(`device:${paired.id}`);
    advance(1000);
    expect(() => auth.authenticate(paired.token)).toThrow(
      expect.objectContaining({ code: 'UNAUTHORIZED' }),
    );
    // An expired credential cannot be refreshed either: the device must be paired again.
    expect(() => auth.refreshDevice(paired.token)).toThrow(
      expect.objectContaining({ code: 'UNAUTHORIZED' }),
    );
  });

  it('rotate: a refresh gives a new token, the old one works only for the overlap', () => {
    const paired = auth.createDevice('kiosk', 'Biletomat 1');
    advance(25 * DAY);
    const next = auth.refreshDevice(paired.token);
    expect(next.token).not.toBe(paired.token);
    expect(next.expiresAt).toBe(new Date(clock + DEVICE_TOKEN_TTL_MS).toISOString());
    expect(auth.authenticate(next.token).subject).toBe(`device:${paired.id}`);
    expect(auth.authenticate(paired.token).subject).toBe(`device:${paired.id}`);
    advance(DEVICE_TOKEN_OVERLAP_MS);
    expect(() => auth.authenticate(paired.token)).toThrow(
      expect.objectContaining({ code: 'UNAUTHORIZED' }),
    );
    // The new token outlives the original 30 days.
    advance(20 * DAY);
    expect(auth.authenticate(next.token).principal).toBe('kiosk');
  });

  it('stay immediately revocable: revoking the device refuses every token it was given', () => {
    const paired = auth.createDevice('board', 'Tablica LED');
    const second = auth.refreshDevice(paired.token);
    const third = auth.refreshDevice(second.token);
    auth.revokeDevice(paired.id);
    for (const t of [paired.token, second.token, third.token])
      expect(() => auth.authenticate(t)).toThrow(expect.objectContaining({ code: 'UNAUTHORIZED' }));
    expect(() => auth.refreshDevice(third.token)).toThrow(
      expect.objectContaining({ code: 'UNAUTHORIZED' }),
    );
  });

  it('are the only credentials refreshed: a staff session or no token is refused', async () => {
    await auth.createUser('nowak', 'clerk', 'bardzo-tajne-haslo-1');
    const { token } = await auth.login('nowak', 'bardzo-tajne-haslo-1');
    expect(() => auth.refreshDevice(token)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => auth.refreshDevice(undefined)).toThrow(
      expect.objectContaining({ code: 'UNAUTHORIZED' }),
    );
  });

  it('give a token stored without an expiry one lifetime from its first use', () => {
    const repo = authRepo(db);
    const legacy = newToken();
    repo.addToken(tokenHash(legacy), {
      subject: 'device:legacy',
      principal: 'display',
      expiresAt: null,
    });
    expect(auth.authenticate(legacy).principal).toBe('display');
    expect(repo.token(tokenHash(legacy))!.expiresAt).toBe(
      new Date(clock + DEVICE_TOKEN_TTL_MS).toISOString(),
    );
    advance(DEVICE_TOKEN_TTL_MS);
    expect(() => auth.authenticate(legacy)).toThrow(
      expect.objectContaining({ code: 'UNAUTHORIZED' }),
    );
  });
});

describe('a live screen whose credential expires', () => {
  let b: TestBranch;
  let now = Date.now();
  beforeAll(async () => {
    b = await startTestBranch({ serveApps: false, now: () => new Date(now) });
  });
  afterAll(async () => {
    await b?.close();
  });

  it('is cut off within seconds, like a revoked one', async () => {
    // CI's retry: the first attempt moved the clock past the cached admin session's 12 hours.
    now = Date.now();
    const token = await b.device('display');
    const screen = await b.socket('/display', token);
    expect(screen.socket.connected).toBe(true);
    now += DEVICE_TOKEN_TTL_MS + 1000;
    await until(() => !screen.socket.connected, 5000);
    const again = await b.socket('/display', token).catch((e: Error) => e);
    expect(again).toBeInstanceOf(Error);
  });
});
