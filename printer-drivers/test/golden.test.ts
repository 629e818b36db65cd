import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PrinterModel } from '@skr/protocol/printer';
import {
  encodeAnswerLetter,
  encodeBookingSlip,
  encodeCheckInTicket,
  encodeOutOfService,
  encodeQueueTicket,
  encodeReceipt,
  printerModels,
} from '../src/index';
import { answerLetter, bookingSlip, checkIn, outOfService, queue, receipt } from './documents';

// Golden bytes: every layout, for fixed documents, on every printer model, compared byte for
// byte with a fixture in test/golden/. A change of layout, labels, code pages, transliteration
// or date format shows up here as a byte diff in review.
//
// After a deliberate change, rewrite the fixtures and review `git diff printer-drivers/test/golden`:
//   UPDATE_GOLDEN=1 npx vitest run printer-drivers
// Each fixture is hex, one printed line (up to and including its LF) per row, so the diff
// points at the line that changed.

const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

const toRows = (bytes: Uint8Array): string => {
  const rows: string[] = [];
  let row = '';
  for (const byte of bytes) {
    row += byte.toString(16).padStart(2, '0');
    if (byte === 0x0a) {
      rows.push(row);
      row = '';
    }
  }
  if (row) rows.push(row);
  return `${rows.join('\n')}\n`;
};
const fromRows = (text: string): Uint8Array =>
  Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));

/** Compares with test/golden/<name>.hex, or writes it when UPDATE_GOLDEN=1. */
function expectGolden(name: string, bytes: Uint8Array): void {
  const file = `${GOLDEN_DIR}${name}.hex`;
  if (update) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, toRows(bytes));
  }
  if (!existsSync(file)) throw new Error(`no golden file ${file}; run with UPDATE_GOLDEN=1`);
  const expected = readFileSync(file, 'utf8');
  // Row by row first, so a failure names the printed line; then the exact bytes.
  expect(toRows(bytes)).toBe(expected);
  expect(Buffer.from(bytes).equals(Buffer.from(fromRows(expected)))).toBe(true);
}

const models = Object.values(printerModels) as PrinterModel[];

describe('golden bytes of every layout', () => {
  for (const model of models) {
    describe(model.id, () => {
      it('queue ticket (pl)', () => {
        expectGolden(`queue-pl-${model.id}`, encodeQueueTicket(queue, model));
      });
      it('queue ticket, priority (uk, mixed code pages)', () => {
        const doc = { ...queue, lang: 'uk' as const, priority: true };
        expectGolden(`queue-uk-priority-${model.id}`, encodeQueueTicket(doc, model));
      });
      it('check-in ticket (en)', () => {
        expectGolden(`check-in-en-${model.id}`, encodeCheckInTicket(checkIn, model));
      });
      it('document receipt, UPP (pl)', () => {
        expectGolden(`receipt-upp-pl-${model.id}`, encodeReceipt(receipt, model));
      });
      it('document receipt, branch receipt while the portal is down (pl, uk)', () => {
        const { uppId: _upp, ...branchReceipt } = receipt;
        expectGolden(`receipt-branch-pl-${model.id}`, encodeReceipt(branchReceipt, model));
        const uk = { ...branchReceipt, lang: 'uk' as const };
        expectGolden(`receipt-branch-uk-${model.id}`, encodeReceipt(uk, model));
      });
      it('drop-off without login: branch receipt with number, code and QR (pl, en); its UPP later (pl)', () => {
        const { uppId: _upp, ...queued } = receipt;
        const branchReceipt = { receiptNo: 'D-2026-000123', code: 'K7QX9P' };
        const anon = { ...queued, branchReceipt };
        expectGolden(`receipt-anon-branch-pl-${model.id}`, encodeReceipt(anon, model));
        const en = { ...anon, lang: 'en' as const };
        expectGolden(`receipt-anon-branch-en-${model.id}`, encodeReceipt(en, model));
        const upp = { ...receipt, branchReceipt };
        expectGolden(`receipt-anon-upp-pl-${model.id}`, encodeReceipt(upp, model));
      });
      it('booking slip (pl, uk)', () => {
        expectGolden(`booking-pl-${model.id}`, encodeBookingSlip(bookingSlip, model));
        const uk = { ...bookingSlip, lang: 'uk' as const };
        expectGolden(`booking-uk-${model.id}`, encodeBookingSlip(uk, model));
      });
      it('answer from ZUS opened at the kiosk, with its UPD (pl, uk); one that needed none (en)', () => {
        expectGolden(`letter-pl-${model.id}`, encodeAnswerLetter(answerLetter, model));
        const uk = { ...answerLetter, lang: 'uk' as const };
        expectGolden(`letter-uk-${model.id}`, encodeAnswerLetter(uk, model));
        const { upd: _upd, ...plain } = answerLetter;
        const en = { ...plain, lang: 'en' as const };
        expectGolden(`letter-en-no-upd-${model.id}`, encodeAnswerLetter(en, model));
      });
      it('out-of-service slip (pl)', () => {
        expectGolden(`out-of-service-pl-${model.id}`, encodeOutOfService(outOfService, model));
      });
    });
  }
});

describe("dates on paper follow the document's zone", () => {
  const epson = printerModels['epson-tm-t88'];
  const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

  it('prints the same instant on the branch clock of each zone', () => {
    expect(text(encodeQueueTicket(queue, epson))).toContain('Wydano: 30.11.2026 08:15');
    const london = encodeQueueTicket({ ...queue, timeZone: 'Europe/London' }, epson);
    expect(text(london)).toContain('Wydano: 30.11.2026 07:15');
    expectGolden('queue-pl-europe-london-epson-tm-t88', london);
  });

  it('rejects an unknown zone before printing', () => {
    expect(() => encodeQueueTicket({ ...queue, timeZone: 'Europe/Atlantis' }, epson)).toThrow();
  });
});
