import { describe, expect, it } from 'vitest';
import { isSkrError } from '@skr/protocol/errors';
import { espeakText } from './engine-espeak';
import { buildPhrase, parseTicket, phraseParts } from './phrase';

describe('buildPhrase', () => {
  it('Polish: letter name, spelled number, neuter ordinal counter', () => {
    expect(buildPhrase({ ticketNumber: 'A123', counterNumber: 7, lang: 'pl' })).toBe(
      'Numer A sto dwadzieścia trzy, zaprasza stanowisko siódme.',
    );
    expect(buildPhrase({ ticketNumber: 'W005', counterNumber: 21, lang: 'pl' })).toBe(
      'Numer Wu pięć, zaprasza stanowisko dwudzieste pierwsze.',
    );
    expect(buildPhrase({ ticketNumber: 'z912', counterNumber: 60, lang: 'pl' })).toBe(
      'Numer Zet dziewięćset dwanaście, zaprasza stanowisko sześćdziesiąte.',
    );
  });

  it('English and Ukrainian', () => {
    expect(buildPhrase({ ticketNumber: 'A123', counterNumber: 7, lang: 'en' })).toBe(
      'Number A, one hundred and twenty-three, please go to counter seven.',
    );
    expect(buildPhrase({ ticketNumber: 'B251', counterNumber: 53, lang: 'uk' })).toBe(
      "Номер Бе двісті п'ятдесят один, запрошує п'ятдесят третє вікно.",
    );
  });

  it('a counter label is spelled instead of the number: letters by name, digits as numbers', () => {
    const t9 = { ticketNumber: 'H12', counterNumber: 9, counterLabel: 'T9' };
    expect(buildPhrase({ ...t9, lang: 'pl' })).toBe(
      'Numer Ha dwanaście, zaprasza stanowisko Te dziewięć.',
    );
    expect(buildPhrase({ ...t9, lang: 'uk' })).toBe(
      "Номер Аш дванадцять, запрошує вікно Те дев'ять.",
    );
    expect(buildPhrase({ ...t9, counterLabel: 'ŁK12', lang: 'pl' })).toContain(
      'stanowisko Eł Ka dwanaście.',
    );
  });

  it('without a prefix', () => {
    expect(buildPhrase({ ticketNumber: '17', counterNumber: 1, lang: 'pl' })).toBe(
      'Numer siedemnaście, zaprasza stanowisko pierwsze.',
    );
  });

  it('short burst form in each language: no "Numer", the counter as on its sign', () => {
    const h12 = { ticketNumber: 'H012', counterNumber: 9, short: true };
    expect(buildPhrase({ ...h12, lang: 'pl' })).toBe('Ha dwanaście, stanowisko dziewięć.');
    expect(buildPhrase({ ...h12, lang: 'en' })).toBe('H twelve, counter nine.');
    expect(buildPhrase({ ...h12, lang: 'uk' })).toBe("Аш дванадцять, вікно дев'ять.");
    expect(buildPhrase({ ...h12, counterLabel: 'T9', lang: 'pl' })).toBe(
      'Ha dwanaście, stanowisko Te dziewięć.',
    );
    // Shorter than the full sentence it stands for, in every language.
    for (const lang of ['pl', 'en', 'uk'] as const)
      expect(buildPhrase({ ...h12, lang }).length).toBeLessThan(
        buildPhrase({ ...h12, short: false, lang }).length * 0.75,
      );
    expect(() => buildPhrase({ ...h12, counterNumber: 0, lang: 'pl' })).toThrow();
  });

  it('splits into the two cached halves', () => {
    expect(phraseParts({ ticketNumber: 'A123', counterNumber: 7, lang: 'pl' })).toEqual([
      'Numer A sto dwadzieścia trzy,',
      'zaprasza stanowisko siódme.',
    ]);
  });

  it('rejects a malformed ticket or counter with INVALID', () => {
    for (const bad of [
      () => parseTicket('A-12'),
      () => parseTicket(''),
      () => buildPhrase({ ticketNumber: 'A1', counterNumber: 0, lang: 'pl' }),
    ]) {
      expect(bad).toThrow();
      try {
        bad();
      } catch (e) {
        expect(isSkrError(e, 'INVALID')).toBe(true);
      }
    }
    expect(parseTicket('a007')).toEqual({ prefix: 'A', number: 7 });
  });
});

describe('espeakText', () => {
  it('drops the Ukrainian apostrophe espeak-ng pauses on, and nothing else', () => {
    expect(espeakText("п'ятдесят дев’ять", 'uk')).toBe('пятдесят девять');
    expect(espeakText("Number A, it's", 'en')).toBe("Number A, it's");
  });
});
