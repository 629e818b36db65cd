import { describe, expect, it } from 'vitest';
import type { PueRegistration } from '@skr/protocol/profile-confirmation';
import { isRefusal } from './domain-error';
import { documentNumberProblem, maskDocumentNumber } from './identity-document';
import { decideProfileConfirmation, type ProfileDecisionContext } from './profile-confirmation';

const WARSAW = 'Europe/Warsaw';
// 23:30 in Warsaw on 2 March 2026 (22:30 UTC): still 2 March there, the last day is 9 March.
const registration: PueRegistration = Object.assign(
  { registrationId: 'reg_1', login: 'ewa.kaminska', pesel: '92031502466' },
  { firstName: 'Ewa', lastName: 'Kamińska', status: 'pending' as const },
  { registeredAt: '2026-03-02T22:30:00.000Z', decidedAt: null, reason: null },
);
const idCard = { type: 'dowod-osobisty' as const, number: 'ABA300000', validUntil: '2030-01-01' };
const ctx = (now: string, over: Partial<ProfileDecisionContext> = {}): ProfileDecisionContext => ({
  confirmationId: 'c1',
  actor: 'user:urzednik12',
  now: new Date(now),
  timeZone: WARSAW,
  decidedHere: false,
  ...over,
});
const confirmAt = (now: string, over: Partial<ProfileDecisionContext> = {}) =>
  decideProfileConfirmation(
    registration,
    { decision: 'confirm', document: idCard },
    ctx(now, over),
  );
const reasonOf = (d: unknown) =>
  isRefusal(d) ? (d.details as { reason?: string } | undefined)?.reason : 'accepted';

describe('the 7-day rule, in calendar days of the branch zone', () => {
  it('accepts until 23:59:59 Warsaw time on the 7th day after the day of registering', () => {
    expect(reasonOf(confirmAt('2026-03-09T22:59:59.000Z'))).toBe('accepted');
    expect(reasonOf(confirmAt('2026-03-09T23:00:00.000Z'))).toBe('expired');
  });

  it('counts the branch zone, not UTC: the same instants in London fall a day earlier', () => {
    // 22:30 UTC on 2 March is 2 March in London too; 23:30 UTC on 9 March is still 9 March.
    const london = { timeZone: 'Europe/London' };
    expect(reasonOf(confirmAt('2026-03-09T23:30:00.000Z', london))).toBe('accepted');
    expect(reasonOf(confirmAt('2026-03-10T00:00:00.000Z', london))).toBe('expired');
  });

  it('keeps whole days across the change to summer time (29 March)', () => {
    const r = { ...registration, registeredAt: '2026-03-22T23:30:00.000Z' }; // 00:30, 23 March
    const at = (now: string) =>
      reasonOf(decideProfileConfirmation(r, { decision: 'confirm', document: idCard }, ctx(now)));
    expect(at('2026-03-30T21:59:59.000Z')).toBe('accepted'); // 23:59:59 CEST, 30 March
    expect(at('2026-03-30T22:00:00.000Z')).toBe('expired');
  });

  it('refuses a registration the portal already calls expired or decided, and a second click', () => {
    const expired = { ...registration, status: 'expired' as const };
    const early = ctx('2026-03-03T10:00:00.000Z');
    expect(
      reasonOf(
        decideProfileConfirmation(expired, { decision: 'confirm', document: idCard }, early),
      ),
    ).toBe('expired');
    const done = { ...registration, status: 'confirmed' as const };
    expect(
      reasonOf(decideProfileConfirmation(done, { decision: 'confirm', document: idCard }, early)),
    ).toBe('already-decided');
    expect(reasonOf(confirmAt('2026-03-03T10:00:00.000Z', { decidedHere: true }))).toBe(
      'already-decided',
    );
  });
});

describe('the identity document', () => {
  it('checks the ID card number with its check digit', () => {
    expect(documentNumberProblem('dowod-osobisty', 'ABA300000')).toBeNull();
    expect(documentNumberProblem('dowod-osobisty', 'aba 300000')).toBeNull();
    expect(documentNumberProblem('dowod-osobisty', 'ABA300001')).toBe('check');
    expect(documentNumberProblem('dowod-osobisty', 'AB3000000')).toBe('format');
  });

  it('checks the pattern of passports and residence cards', () => {
    expect(documentNumberProblem('paszport', 'EA1234567')).toBeNull();
    expect(documentNumberProblem('paszport', 'ABA300000')).toBe('format');
    expect(documentNumberProblem('karta-pobytu', 'RP1234567')).toBeNull();
    expect(documentNumberProblem('karta-pobytu', 'RP123456')).toBe('format');
  });

  it('refuses a document past its validity date but takes one valid until today', () => {
    const now = '2026-03-05T10:00:00.000Z';
    const withValidity = (validUntil: string) =>
      reasonOf(
        decideProfileConfirmation(
          registration,
          { decision: 'confirm', document: { ...idCard, validUntil } },
          ctx(now),
        ),
      );
    expect(withValidity('2026-03-05')).toBe('accepted');
    expect(withValidity('2026-03-04')).toBe('document-expired');
  });

  it('records the document masked, the actor and time, and queues the portal message', () => {
    const d = confirmAt('2026-03-05T10:00:00.000Z');
    if (isRefusal(d)) throw d;
    expect(maskDocumentNumber('ABA300000')).toBe('ABA****00');
    expect(d.record).toEqual({
      id: 'c1',
      registrationId: 'reg_1',
      login: 'ewa.kaminska',
      decision: 'confirm',
      decidedAt: '2026-03-05T10:00:00.000Z',
      actor: 'user:urzednik12',
      document: { type: 'dowod-osobisty', maskedNumber: 'ABA****00', validUntil: '2030-01-01' },
      reason: null,
    });
    expect(d.rows).toEqual([
      {
        row: 'profile-confirmation',
        record: d.record,
        portal: {
          registrationId: 'reg_1',
          decision: 'confirm',
          decidedAt: '2026-03-05T10:00:00.000Z',
          document: d.record.document,
          reason: null,
        },
      },
    ]);
  });

  it('needs a reason to refuse; the document is optional then', () => {
    const now = ctx('2026-03-05T10:00:00.000Z');
    expect(
      reasonOf(decideProfileConfirmation(registration, { decision: 'refuse', reason: '  ' }, now)),
    ).toBe('reason-required');
    const d = decideProfileConfirmation(
      registration,
      { decision: 'refuse', reason: ' Inna osoba na zdjęciu ' },
      now,
    );
    if (isRefusal(d)) throw d;
    expect(d.record).toMatchObject({
      decision: 'refuse',
      reason: 'Inna osoba na zdjęciu',
      document: null,
    });
  });
});
