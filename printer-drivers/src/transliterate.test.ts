import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '@skr/hardware-mocks/printer/index';
import type { PrinterModel, QueueTicketDoc } from '@skr/protocol/printer';
import { MAX_TICKET_BYTES } from './layout-base';
import { printerModels } from './models';
import { encodeCheckInTicket, encodeQueueTicket } from './tickets';
import { codepageCharacters, shorten, transliterate } from './transliterate';

const epson = printerModels['epson-tm-t88'];
const vkp80 = printerModels['custom-vkp80'];
// A model whose firmware has no Cyrillic table: Ukrainian must come out in Latin letters.
const latinOnly: PrinterModel = { ...epson, id: 'latin-only', codepageNumbers: { cp852: 18 } };

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const golden = (name: string, bytes: Uint8Array): void => {
  const file = fileURLToPath(new URL(`./golden/${name}.hex`, import.meta.url));
  // UPDATE_GOLDEN=1 rewrites the fixture after a deliberate layout change; review the diff.
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, `${hex(bytes)}\n`);
  expect(hex(bytes)).toBe(readFileSync(file, 'utf8').trim());
};

describe('transliterate', () => {
  it('keeps what the code page has and rewrites dashes, quotes and ellipses', () => {
    expect(transliterate('Łódź — „Emerytury” – ‘renty’…', ['cp852'])).toBe(
      'Łódź - "Emerytury" - \'renty\'...',
    );
  });

  it('keeps Cyrillic where the model has a Cyrillic page, Latin otherwise (KMU 2010)', () => {
    expect(transliterate('Пенсії — Їжак Щастя', ['cp852', 'windows1251'])).toBe(
      'Пенсії — Їжак Щастя', // windows1251 has the em dash too
    );
    expect(transliterate('Пенсії — Їжак Щастя, Ґудзь', ['cp852'])).toBe(
      'Pensii - Izhak Shchastia, Gudz',
    );
  });

  it('strips accents the page lacks and leaves "?" only for what has no Latin form', () => {
    expect(transliterate('Muñoz Ørsted 漢', ['cp852'])).toBe('Munoz ?rsted ?');
    expect(
      [...transliterate('żółć', ['windows1250'])].every((c) =>
        codepageCharacters('windows1250').has(c),
      ),
    ).toBe(true);
  });

  it('shortens names with a closing dot', () => {
    expect(shorten('Emerytury i renty', 60)).toBe('Emerytury i renty');
    expect(shorten('Emerytury i renty', 10)).toBe('Emerytury.');
  });
});

const dashes: QueueTicketDoc = {
  branchName: 'ZUS Oddział w Łodzi — Centrum',
  number: 'A123',
  serviceName: 'Emerytury – renty „ZUS”',
  issuedAt: '2026-03-14T08:05:00Z',
  peopleAhead: 4,
  estimatedWaitMinutes: 12,
  followUrl: 'https://skr.local/q/7f3a',
  lang: 'pl',
};
// Long Ukrainian names with dashes: the auto code page switches per run and pushed the
// unshortened ticket to 514 B, which used to throw.
const longUk: QueueTicketDoc = {
  ...dashes,
  lang: 'uk',
  number: 'B1234567',
  branchName: 'Відділення ZUS у Лодзі — Центральне, вул. Żeromskiego 1',
  // Polish and Cyrillic letters in turn: each switch costs an ESC t (3 B).
  serviceName: 'Ś–Ї Ż–Ґ Ł–Є Ó–Щ Ę–Ю Ą–Я Ć–Ж Ń–Ш Ź–Ц Ś–Ч Ż–Ф Ł–Х Ó–Э Ę–Б Ą–Ї',
  followUrl: `https://skr.local/q/${'f'.repeat(70)}`,
  priority: true,
  peopleAhead: 999,
  estimatedWaitMinutes: 999,
};

describe('golden bytes', () => {
  it('dashes and quotes print as ASCII on PC852 (Epson), not "?"', () => {
    const b = encodeQueueTicket(dashes, epson);
    expect(decodeEscPos(b)[0]?.lines).toEqual(
      expect.arrayContaining(['ZUS Oddział w Łodzi - Centrum', 'Emerytury - renty "ZUS"']),
    );
    golden('queue-dashes-epson', b);
  });

  it('a check-in slip without a booking code says "-", not "?"', () => {
    const b = encodeCheckInTicket(
      {
        branchName: 'ZUS Łódź',
        number: 'R007',
        serviceName: 'Wizyta',
        bookedFor: '2026-11-30T07:15:00Z',
        bookingCode: '—',
        lang: 'pl',
      },
      epson,
    );
    expect(decodeEscPos(b)[0]?.lines).toContain('Kod rezerwacji: -');
    golden('check-in-dash-epson', b);
  });

  it('Ukrainian on a printer without Cyrillic prints in Latin', () => {
    const b = encodeQueueTicket({ ...dashes, lang: 'uk' }, latinOnly);
    const [t] = decodeEscPos(b);
    expect(t?.lines).toContain('Vash nomer');
    expect(t?.codepages).toEqual([18]);
    golden('queue-uk-latin-only', b);
  });

  it('a layout over 512 B shortens its names instead of throwing', () => {
    for (const model of [epson, vkp80]) {
      const b = encodeQueueTicket(longUk, model);
      expect(b.length).toBeLessThanOrEqual(MAX_TICKET_BYTES);
      const text = decodeEscPos(b)[0]?.lines.join('\n') ?? '';
      expect(text).toContain('B1234567');
      expect(text).not.toContain(longUk.serviceName);
      expect(text).toContain(shorten(longUk.serviceName, 40));
      expect(text).toContain('Осіб перед вами: 999');
    }
    golden('queue-long-uk-epson', encodeQueueTicket(longUk, epson));
  });
});
