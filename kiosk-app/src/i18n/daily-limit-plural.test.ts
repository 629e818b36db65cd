import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { pl } from './pl';
import { uk } from './uk';

// The daily visit limit is configuration, so its refusal must read right for any number.
describe('daily-limit refusal agrees with its number', () => {
  it('in Polish, Ukrainian and English', async () => {
    const i = i18next.createInstance();
    await i.init({
      resources: { pl: { translation: pl }, en: { translation: en }, uk: { translation: uk } },
      lng: 'pl',
      interpolation: { escapeValue: false },
    });
    const say = (lng: string, n: number) =>
      i.t('booking.refusal.daily-limit', { lng, n, count: n }).split('.')[0];
    expect([1, 3, 5].map((n) => say('pl', n))).toEqual([
      'Jedna osoba może mieć najwyżej 1 wizytę jednego dnia',
      'Jedna osoba może mieć najwyżej 3 wizyty jednego dnia',
      'Jedna osoba może mieć najwyżej 5 wizyt jednego dnia',
    ]);
    expect(say('uk', 5)).toContain('5 візитів');
    expect(say('en', 1)).toContain('1 visit a day');
  });
});
