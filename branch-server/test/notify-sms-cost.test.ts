// SMS costs: every template in every language fits two segments, with the longest service name
// of the demo branch and a long address; transliteration brings Polish and Ukrainian to GSM-7.
import { describe, expect, it } from 'vitest';
import { renderTexts, smsCost, smsText, transliterate, type MessageKind } from '../src/notify';

const KINDS: MessageKind[] = [
  'booking-confirmed',
  'booking-reminder',
  'booking-cancelled',
  'turn-near',
  'called',
];
const LONG = {
  number: 'A123',
  counter: 'Stanowisko 12',
  ahead: 12,
  minutes: 115,
  code: 'ABCDEF123456',
  date: '2026-12-31',
  time: '15:45',
  service: 'Emerytury, renty i świadczenia przedemerytalne z ZUS',
  place: 'ZUS Inspektorat Warszawa-Śródmieście, ul. Senatorska 6/8',
};

describe('SMS segments', () => {
  it('counts GSM-7 at 160/153 and UCS-2 at 70/67, extension characters twice', () => {
    expect(smsCost('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsCost('a'.repeat(161)).segments).toBe(2);
    expect(smsCost('€'.repeat(80))).toMatchObject({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsCost('ą'.repeat(70))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(smsCost('ą'.repeat(71)).segments).toBe(2);
    expect(smsCost('ą'.repeat(135)).segments).toBe(3);
  });

  it('transliterates Polish and Ukrainian into GSM-7', () => {
    expect(transliterate('Zażółć gęślą jaźń – „ŁÓDŹ”')).toBe('Zazolc gesla jazn - "LODZ"');
    expect(transliterate('Номер А012: запрошуємо до віконця')).toBe(
      'Nomer A012: zaproshuiemo do vikontsia',
    );
    expect(smsCost(transliterate('Щастя')).encoding).toBe('gsm7');
  });

  for (const lang of ['pl', 'en', 'uk'] as const)
    for (const translit of [false, true])
      it(`keeps every ${lang} template within two segments (transliterate: ${translit})`, () => {
        for (const kind of KINDS) {
          const text = smsText(renderTexts(kind, lang, LONG).sms, translit);
          const cost = smsCost(text);
          expect(
            cost.segments,
            `${kind}: ${text} (${cost.units} ${cost.encoding})`,
          ).toBeLessThanOrEqual(2);
          if (translit) expect(cost.encoding).toBe('gsm7');
          // Short turn messages fit one segment once transliterated.
          if (translit && (kind === 'called' || kind === 'turn-near'))
            expect(cost.segments).toBe(1);
        }
      });
});
