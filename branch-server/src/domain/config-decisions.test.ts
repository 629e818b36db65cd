import { SkrError } from '@skr/protocol';
import { describe, expect, it } from 'vitest';
import {
  decideCreateDevice,
  decideRevokeDevice,
  decideSaveCounter,
  decideSaveDisplayConfig,
  decideSaveService,
  decideSaveSettings,
  decideSaveUser,
} from './config-decision';
import type { Device, User } from './records';
import { counter, queueState, service } from './test-fixtures';

const now = new Date('2026-11-30T09:00:00Z');
const ctx = { actor: 'user:admin', now };
const A = service('a', 'A');
const state = queueState({
  services: [A, service('b', 'B')],
  counters: [counter(1, { a: 1 }), counter(4, {})],
});

function refusal(d: unknown): string {
  expect(d).toBeInstanceOf(SkrError);
  return (d as SkrError).code;
}
function ok<T>(d: T | SkrError): T {
  if (d instanceof SkrError) throw new Error(`refused: ${d.message}`);
  return d;
}

describe('configuration decisions', () => {
  it('saves a service with an audit entry and config.changed; nothing when nothing changed', () => {
    const next = { ...A, targetWaitMinutes: 25, openingHours: null };
    const d = ok(decideSaveService(state, 'a', next, ctx));
    expect(d.diff).toEqual({ targetWaitMinutes: { before: 15, after: 25 } });
    expect(d.events).toEqual([
      { at: now.toISOString(), type: 'config.changed', actor: 'user:admin' },
    ]);
    expect(d.rows.map((r) => r.row)).toEqual(['service', 'audit']);
    expect(d.rows[1]).toMatchObject({
      entry: { entity: 'service', entityId: 'a', action: 'update' },
    });
    const same = ok(decideSaveService(state, 'a', { ...A, openingHours: null }, ctx));
    expect(same).toEqual({ diff: {}, events: [], rows: [] });
  });

  it('refuses a path/body id mismatch and a prefix used by another active service', () => {
    expect(refusal(decideSaveService(state, 'x', { ...A, openingHours: null }, ctx))).toBe(
      'INVALID',
    );
    const clash = { ...service('c', 'B'), openingHours: null };
    expect(refusal(decideSaveService(state, 'c', clash, ctx))).toBe('CONFLICT');
  });

  it('creates a counter with the next id, closed; refuses unknown skills and counters', () => {
    const d = ok(decideSaveCounter(state, undefined, { name: 'Nowe', skills: { b: 1 } }, ctx));
    expect(d.counter).toMatchObject({ id: 5, state: 'closed', clerk: null });
    expect(d.events[0]).toMatchObject({ type: 'config.changed', counter: d.counter });
    expect(
      refusal(decideSaveCounter(state, undefined, { name: 'X', skills: { zz: 1 } }, ctx)),
    ).toBe('INVALID');
    expect(refusal(decideSaveCounter(state, 9, { name: 'X', skills: {} }, ctx))).toBe('NOT_FOUND');
  });

  it('gives a new counter the number in its name, else its id; refuses a number or sign in use', () => {
    const save = (id: number | undefined, next: Parameters<typeof decideSaveCounter>[2]) =>
      decideSaveCounter(state, id, next, ctx);
    // "Okienko T9" gets id 5 but is number 9 everywhere; "Kasa" has no number: its id.
    expect(ok(save(undefined, { name: 'Okienko T9', skills: {} })).counter).toMatchObject({
      id: 5,
      number: 9,
      label: null,
    });
    expect(ok(save(undefined, { name: 'Kasa', skills: {} })).counter.number).toBe(5);
    // Name ends in a taken number (4) → the id (5) instead.
    expect(ok(save(undefined, { name: 'Okienko 4', skills: {} })).counter.number).toBe(5);
    const taken = save(undefined, { name: 'Nowe', number: 4, skills: {} });
    expect(refusal(taken)).toBe('CONFLICT');
    expect((taken as SkrError).details).toMatchObject({
      reason: 'counter-number-taken',
      number: 4,
      counterId: 4,
    });
    // A label that reads like another counter's number is the same sign on the screens.
    const sign = save(1, { name: 'Stanowisko 1', label: '4', skills: { a: 1 } });
    expect((sign as SkrError).details).toMatchObject({ reason: 'counter-sign-taken', sign: '4' });
    // Changing the name keeps the number and label unless given; label null removes it.
    const relabelled = ok(save(1, { name: 'Okno', label: 'T1', skills: { a: 1 } })).counter;
    expect(relabelled).toMatchObject({ id: 1, number: 1, label: 'T1', name: 'Okno' });
  });

  it('merges settings', () => {
    const d = decideSaveSettings(state, { ...state.settings, maxRecalls: 5 }, ctx);
    expect(d.diff).toEqual({ maxRecalls: { before: state.settings.maxRecalls, after: 5 } });
    expect(d.rows[0]).toMatchObject({ row: 'settings', settings: { maxRecalls: 5 } });
  });

  it('keeps the last admin, wants a password for a new user, ends sessions on a role change', () => {
    const admin: User = { username: 'ala', role: 'admin', passwordHash: 'h', active: true };
    const demote = { role: 'manager' as const, active: true };
    const base = { username: 'ala', before: admin, newHash: undefined };
    expect(refusal(decideSaveUser({ ...base, next: demote, activeAdmins: 1 }, ctx))).toBe(
      'CONFLICT',
    );
    const d = ok(decideSaveUser({ ...base, next: demote, activeAdmins: 2 }, ctx));
    expect(d.rows[0]).toMatchObject({
      row: 'user',
      endSessions: true,
      user: { passwordHash: 'h' },
    });
    const fresh = { username: 'nowy', before: undefined, newHash: undefined, activeAdmins: 1 };
    expect(refusal(decideSaveUser({ ...fresh, next: { role: 'clerk', active: true } }, ctx))).toBe(
      'INVALID',
    );
    const pw = ok(
      decideSaveUser(
        {
          ...fresh,
          newHash: 'H',
          next: { role: 'clerk', active: true, password: 'long-password-123' },
        },
        ctx,
      ),
    );
    expect(pw.diff.password).toEqual({ before: null, after: '***' });
  });

  it('pairs and revokes devices; display settings only for an active display', () => {
    const paired = decideCreateDevice(
      { id: 'd1', kind: 'display', name: 'Ekran', tokenHash: 'th' },
      ctx,
    );
    expect(paired.rows[0]).toMatchObject({
      row: 'device',
      tokenHash: 'th',
      device: { id: 'd1', revokedAt: null },
    });
    const devices: Device[] = [
      { id: 'd1', kind: 'display', name: 'Ekran', createdAt: '', revokedAt: null },
      { id: 'k1', kind: 'kiosk', name: 'Kiosk', createdAt: '', revokedAt: '2026-01-01T00:00:00Z' },
    ];
    expect(refusal(decideRevokeDevice(devices, 'k1', ctx))).toBe('NOT_FOUND');
    expect(ok(decideRevokeDevice(devices, 'd1', ctx)).rows[0]).toEqual({
      row: 'device-revoked',
      id: 'd1',
      at: now.toISOString(),
    });
    const cfg = { services: [], voice: true, volume: 0.8, message: '', historyLength: 5 } as never;
    expect(refusal(decideSaveDisplayConfig(devices, 'k1', undefined, cfg, ctx))).toBe('NOT_FOUND');
    expect(ok(decideSaveDisplayConfig(devices, 'd1', undefined, cfg, ctx)).rows[0]).toMatchObject({
      row: 'display',
      subject: 'device:d1',
    });
  });
});
