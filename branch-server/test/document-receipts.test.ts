import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { peselCheckDigit } from '@skr/protocol/pesel';
import { sharedTestBranch } from './harness';

// Drop-off without login at the branch (issue 16): the receipt number from the database (never
// reused), the submitter kept with the queued document, the lookup by number + check code that
// reveals only the state, and whether the branch is open (the kiosk hides tickets after hours).
// No portal here: every document stays queued.

const b = sharedTestBranch();
const PESEL = `8501011234${peselCheckDigit('8501011234')}`;
const WRONG_PESEL = `8501011234${(peselCheckDigit('8501011234') + 1) % 10}`;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n').toString('base64');
const doc = (extra: object = {}) => ({
  formCode: 'ERP-7',
  fileName: 'z3.pdf',
  contentB64: pdf,
  pages: 1,
  lang: 'pl',
  ...extra,
});

describe('branch receipts of documents dropped off without login', () => {
  it('numbers D-<year>-NNNNNN in order, never reused even when a row goes; the submitter is kept', async () => {
    const kiosk = await b.device('kiosk');
    const first = await b.api('POST', '/api/v1/documents', kiosk, {
      ...doc(),
      submitter: { name: 'Jan Nowak', pesel: PESEL },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.receiptNo).toMatch(/^D-\d{4}-\d{6}$/);
    expect(first.body.receiptCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    const second = await b.api('POST', '/api/v1/documents', kiosk, doc());
    const seq = (r: { body: { receiptNo: string } }) => Number(r.body.receiptNo.slice(7));
    expect(seq(second)).toBe(seq(first) + 1);
    const db = new Database(join(b.dir, 'branch.sqlite'));
    try {
      const row = db
        .prepare('SELECT submitter_name, submitter_pesel FROM documents WHERE id = ?')
        .get(first.body.documentId);
      expect(row).toEqual({ submitter_name: 'Jan Nowak', submitter_pesel: PESEL });
      // The newest document's row removed (a restore, a hand edit): its number stays taken.
      db.prepare('DELETE FROM documents WHERE id = ?').run(second.body.documentId);
    } finally {
      db.close();
    }
    const third = await b.api('POST', '/api/v1/documents', kiosk, doc());
    expect(seq(third)).toBe(seq(second) + 1);
  });

  it('refuses a PESEL that fails the check digit, and a name of one letter', async () => {
    const kiosk = await b.device('kiosk');
    const badPesel = await b.api('POST', '/api/v1/documents', kiosk, {
      ...doc(),
      submitter: { name: 'Jan Nowak', pesel: WRONG_PESEL },
    });
    expect(badPesel.status).toBe(400);
    const shortName = await b.api('POST', '/api/v1/documents', kiosk, {
      ...doc(),
      submitter: { name: 'J' },
    });
    expect(shortName.status).toBe(400);
  });

  it('the lookup by number + code answers only the state; a wrong code is the same 404 as an unknown number', async () => {
    const kiosk = await b.device('kiosk');
    const sent = await b.api('POST', '/api/v1/documents', kiosk, {
      ...doc(),
      submitter: { name: 'Anna Kowalska', pesel: PESEL },
    });
    const { receiptNo, receiptCode } = sent.body;
    const found = await b.api('POST', '/api/v1/documents/receipt-lookup', kiosk, {
      receiptNo,
      code: receiptCode,
    });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ receiptNo, status: 'queued', formCode: 'ERP-7' });
    expect(found.body.upp).toBeUndefined();
    const text = JSON.stringify(found.body);
    for (const secret of [PESEL, 'Kowalska', 'z3.pdf', pdf, sent.body.documentId])
      expect(text).not.toContain(secret);
    const wrong = receiptCode === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    const wrongCode = await b.api('POST', '/api/v1/documents/receipt-lookup', kiosk, {
      receiptNo,
      code: wrong,
    });
    const unknown = await b.api('POST', '/api/v1/documents/receipt-lookup', kiosk, {
      receiptNo: 'D-2000-999999',
      code: receiptCode,
    });
    expect(wrongCode.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrongCode.body.code).toBe(unknown.body.code);
    // Not for screens or clerks: only kiosks (and the admin) ask by receipt.
    const clerk = await b.login('urzednik1');
    const asClerk = await b.api('POST', '/api/v1/documents/receipt-lookup', clerk, {
      receiptNo,
      code: receiptCode,
    });
    expect(asClerk.status).toBe(403);
  });

  it('GET /api/v1/opening: open while a service is within its hours, closed when none is', async () => {
    const kiosk = await b.device('kiosk');
    expect((await b.api('GET', '/api/v1/opening', kiosk)).body.open).toBe(true);
    const admin = await b.login('admin');
    const cfg = (await b.api('GET', '/api/v1/config', admin)).body;
    const active = (cfg.services as { id: string; active: boolean }[]).filter((s) => s.active);
    for (const s of active)
      await b.api('PUT', `/api/v1/config/services/${s.id}`, admin, {
        ...s,
        openingHours: { days: [], from: '08:00', to: '16:00' },
      });
    const closed = await b.api('GET', '/api/v1/opening', kiosk);
    expect(closed.body).toMatchObject({ open: false, timeZone: 'Europe/Warsaw' });
    // One service open again (no hours: always) opens the branch.
    await b.api('PUT', `/api/v1/config/services/${active[0]!.id}`, admin, {
      ...active[0],
      openingHours: null,
    });
    expect((await b.api('GET', '/api/v1/opening', kiosk)).body.open).toBe(true);
  });
});
