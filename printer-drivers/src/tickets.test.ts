import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '@skr/hardware-mocks/printer/index';
import type { PrinterModel, QueueTicketDoc, ReceiptDoc } from '@skr/protocol/printer';
import * as documents from '../test/documents';
import { MAX_RECEIPT_BYTES, MAX_TICKET_BYTES } from './layout-base';
import { printerModels } from './models';
import { parseStatus } from './status-bytes';
import {
  encodeCheckInTicket,
  encodeOutOfService,
  encodeQueueTicket,
  encodeReceipt,
} from './tickets';

const epson = printerModels['epson-tm-t88'];
const vkp80 = printerModels['custom-vkp80'];

// The shared test documents, at the dates these assertions print.
const ticket: QueueTicketDoc = { ...documents.queue, issuedAt: '2026-03-14T08:05:00Z' };
const receipt: ReceiptDoc = { ...documents.receipt, submittedAt: '2026-03-14T18:05:00+01:00' };

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const contains = (b: Uint8Array, part: number[]): boolean =>
  hex(b).includes(Buffer.from(part).toString('hex'));

describe('queue ticket layout', () => {
  it('starts with ESC @ and ends with the partial cut', () => {
    const b = encodeQueueTicket(ticket, epson);
    expect([...b.slice(0, 2)]).toEqual([0x1b, 0x40]);
    expect(contains(b.slice(-6), [0x1d, 0x56, 0x01])).toBe(true);
  });

  it('selects the code page per model: PC852 (ESC t 18) on Epson, WPC1250 (ESC t 45) on VKP80', () => {
    const e = encodeQueueTicket(ticket, epson);
    const v = encodeQueueTicket(ticket, vkp80);
    expect(contains(e, [0x1b, 0x74, 18])).toBe(true);
    expect(contains(e, [0x1b, 0x74, 45])).toBe(false);
    expect(contains(v, [0x1b, 0x74, 45])).toBe(true);
    // "Łodzi": Ł is 0x9d in PC852 and 0xa3 in WPC1250
    expect(contains(e, [0x9d, 0x6f, 0x64, 0x7a, 0x69])).toBe(true);
    expect(contains(v, [0xa3, 0x6f, 0x64, 0x7a, 0x69])).toBe(true);
  });

  it('prints the number bold at triple size (ESC E 1, GS ! 0x22)', () => {
    const b = encodeQueueTicket(ticket, epson);
    expect(contains(b, [0x1b, 0x45, 0x01, 0x1d, 0x21, 0x22, 0x41, 0x31, 0x32, 0x33])).toBe(true);
  });

  it('stores the follow URL in a native QR (GS ( k fn 80) and prints it (fn 81)', () => {
    const b = encodeQueueTicket(ticket, epson);
    const url = [...Buffer.from(ticket.followUrl)];
    expect(contains(b, [0x1d, 0x28, 0x6b, url.length + 3, 0x00, 0x31, 0x50, 0x30, ...url])).toBe(
      true,
    );
    expect(contains(b, [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30])).toBe(true);
  });

  it('prints the stored logo with the model command (GS ( L on Epson, FS p on VKP80)', () => {
    expect(
      contains(
        encodeQueueTicket(ticket, epson),
        [0x1d, 0x28, 0x4c, 6, 0, 0x30, 0x45, 0x4c, 0x47, 1, 1],
      ),
    ).toBe(true);
    expect(contains(encodeQueueTicket(ticket, vkp80), [0x1c, 0x70, 0x01, 0x00])).toBe(true);
  });

  it('decodes back to the Polish text, QR and cut', () => {
    const [t, ...rest] = decodeEscPos(encodeQueueTicket({ ...ticket, priority: true }, epson));
    expect(rest).toEqual([]);
    expect(t?.lines).toEqual(
      expect.arrayContaining([
        'ZUS Oddział w Łodzi',
        'Emerytury i renty',
        'A123',
        'OBSŁUGA PRIORYTETOWA',
        'Wydano: 14.03.2026 09:05', // Warsaw time
        'Osób przed Tobą: 12',
        'Szacowany czas oczekiwania: 35 min',
        'Śledź kolejkę w telefonie',
      ]),
    );
    expect(t?.qr).toEqual([ticket.followUrl]);
    expect(t?.logos).toEqual(['gs-l:LG']);
    expect(t?.cut).toBe('partial');
    const number = t?.items.find(
      (i) => i.kind === 'text' && i.segments.some((s) => s.text === 'A123'),
    );
    expect(number?.kind === 'text' && number.segments[0]).toMatchObject({
      bold: true,
      width: 3,
      height: 3,
    });
    expect(number?.align).toBe('center');
  });

  it('mixes code pages for Ukrainian labels next to Polish names', () => {
    const b = encodeQueueTicket({ ...ticket, lang: 'uk' }, epson);
    const [t] = decodeEscPos(b);
    expect(t?.codepages).toEqual(expect.arrayContaining([18, 46]));
    expect(t?.lines).toContain('ZUS Oddział w Łodzi');
    expect(t?.lines).toContain('Осіб перед вами: 12');
  });

  it('is a pure function of the document and model', () => {
    expect(hex(encodeQueueTicket(ticket, epson))).toBe(hex(encodeQueueTicket(ticket, epson)));
  });

  it('rejects a malformed document before printing', () => {
    expect(() => encodeQueueTicket({ ...ticket, issuedAt: 'yesterday' }, epson)).toThrow();
  });
});

describe('other layouts', () => {
  it('receipt (UPP) carries id, form, pages, SHA-256, date and branch', () => {
    const [t] = decodeEscPos(encodeReceipt(receipt, epson));
    const text = t?.lines.join('\n') ?? '';
    for (const expected of [
      'Urzędowe poświadczenie przedłożenia',
      'Nr UPP: UPP/2026/03/000123',
      'Identyfikator dokumentu: DOC-2026-000123',
      'Formularz: ZUS-ERP-7 Zaświadczenie o',
      'zatrudnieniu', // wrapped at 42 columns
      'Liczba stron: 3',
      'Data przedłożenia: 14.03.2026 18:05',
      'Placówka: ZUS Oddział w Łodzi',
      receipt.sha256.slice(0, 32),
      receipt.sha256.slice(32),
    ])
      expect(text).toContain(expected);
    expect(t?.cut).toBe('partial');
  });

  it('check-in ticket shows number, booked time, booking code, people ahead and the QR', () => {
    const doc = {
      ...ticket,
      bookedFor: '2026-06-01T10:30:00Z',
      bookingCode: 'K7Q2-9XZ',
      lang: 'en' as const,
    };
    const [t] = decodeEscPos(encodeCheckInTicket(doc, vkp80));
    expect(t?.lines).toEqual(
      expect.arrayContaining([
        'Booked visit',
        'A123',
        'Booked for: 01.06.2026 12:30',
        'Booking code: K7Q2-9XZ',
        'People ahead of you: 12',
      ]),
    );
    expect(t?.qr).toEqual([ticket.followUrl]);
  });

  it('out-of-service slip prints the message', () => {
    const [t] = decodeEscPos(
      encodeOutOfService(
        {
          branchName: 'ZUS Łódź',
          message: 'Drukarka nieczynna, zapraszamy do okienka 3.',
          lang: 'pl',
        },
        epson,
      ),
    );
    expect(t?.lines).toContain('CHWILOWO NIECZYNNE');
    expect(t?.lines.join(' ')).toContain('Drukarka nieczynna, zapraszamy do okienka 3.');
  });
});

describe('serial budget', () => {
  const longest = (n: number, ch = 'Ż'): string => ch.repeat(n);
  const models: PrinterModel[] = Object.values(printerModels);
  for (const model of models)
    for (const lang of ['pl', 'en', 'uk'] as const) {
      it(`tickets with maximal fields stay under ${MAX_TICKET_BYTES} B, receipts under ${MAX_RECEIPT_BYTES} B (${model.id}, ${lang})`, () => {
        const big = { branchName: longest(60), serviceName: longest(60), number: 'ABCD1234', lang };
        const q = encodeQueueTicket(
          {
            ...ticket,
            ...big,
            followUrl: `https://x.pl/${'a'.repeat(96 - 13)}`,
            priority: true,
            peopleAhead: 999,
            estimatedWaitMinutes: 999,
          },
          model,
        );
        const c = encodeCheckInTicket(
          { ...big, bookedFor: ticket.issuedAt, bookingCode: longest(32, 'X') },
          model,
        );
        const r = encodeReceipt(
          {
            ...receipt,
            branchName: big.branchName,
            formName: longest(60),
            lang,
            documentId: longest(64, 'D'),
            uppId: longest(64, 'U'),
            formCode: longest(32, 'F'),
          },
          model,
        );
        for (const b of [q, c]) expect(b.length).toBeLessThan(MAX_TICKET_BYTES);
        expect(r.length).toBeLessThan(MAX_RECEIPT_BYTES);
        const o = encodeOutOfService(
          { branchName: big.branchName, message: longest(300, 'ś'), lang },
          model,
        );
        expect(o.length).toBeLessThan(MAX_TICKET_BYTES);
        expect(decodeEscPos(q)[0]?.rasterBytes).toBe(0);
      });
    }
});

describe('status bytes', () => {
  it('decodes DLE EOT answers', () => {
    expect(parseStatus(0x12, 0x12, 0x12)).toEqual({
      online: true,
      paperOut: false,
      paperNearEnd: false,
      coverOpen: false,
    });
    expect(parseStatus(0x1a, 0x72, 0x7e)).toEqual({
      online: false,
      paperOut: true,
      paperNearEnd: true,
      coverOpen: false,
    });
    expect(parseStatus(0x1a, 0x56, 0x12)).toEqual({
      online: false,
      paperOut: false,
      paperNearEnd: false,
      coverOpen: true,
    });
  });
});
