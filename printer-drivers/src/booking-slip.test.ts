import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '@skr/hardware-mocks/printer/index';
import { encodeBookingSlip } from './booking-slip';
import { MAX_TICKET_BYTES } from './layout-base';
import { printerModels } from './models';
import { bookingSlip as slip } from '../test/documents';

describe('booking slip layout', () => {
  it('prints service, day and hour on the branch clock, the address, the code and its QR', () => {
    const [t, ...rest] = decodeEscPos(encodeBookingSlip(slip, printerModels['epson-tm-t88']));
    expect(rest).toEqual([]);
    expect(t?.lines).toEqual(
      expect.arrayContaining([
        'ZUS Oddział w Łodzi',
        'ul. Zamenhofa 2, 90-431 Łódź',
        'Wizyta umówiona',
        'Emerytury i renty',
        'Dzień: 02.12.2026',
        'Godzina: 10:30',
        'K7Q29XZA',
        'W dniu wizyty zeskanuj kod w biletomacie',
      ]),
    );
    expect(t?.qr).toEqual(['K7Q29XZA']);
    expect(t?.cut).toBe('partial');
  });

  it('speaks the client’s language and leaves out an unknown address', () => {
    const { address: _a, ...noAddress } = slip;
    const [t] = decodeEscPos(
      encodeBookingSlip({ ...noAddress, lang: 'uk' }, printerModels['custom-vkp80']),
    );
    expect(t?.lines).toEqual(expect.arrayContaining(['День: 02.12.2026', 'Година: 10:30']));
    expect(t?.lines.join('\n')).not.toContain('Zamenhofa');
  });

  it(`stays under ${MAX_TICKET_BYTES} B with maximal fields on every model and language`, () => {
    for (const model of Object.values(printerModels))
      for (const lang of ['pl', 'en', 'uk'] as const) {
        const big = {
          ...slip,
          branchName: 'Ż'.repeat(60),
          serviceName: 'Ż'.repeat(60),
          address: 'Ż'.repeat(80),
          bookingCode: 'ABCDEFGH2345',
          lang,
        };
        expect(encodeBookingSlip(big, model).length).toBeLessThanOrEqual(MAX_TICKET_BYTES);
      }
  });

  it('rejects a code the scanner could not type back', () => {
    expect(() =>
      encodeBookingSlip({ ...slip, bookingCode: 'k7-q2' }, printerModels['epson-tm-t88']),
    ).toThrow();
  });
});
