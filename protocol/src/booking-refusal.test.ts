import { describe, expect, it } from 'vitest';
import { BookingRefusal, bookingRefusalMessage, bookingRefusalMessages } from './booking-refusal';

// Every channel shows these words (issue 14: "a clear message in the client's language").

describe('booking refusal messages', () => {
  it('has a distinct Polish, English and Ukrainian text for every reason', () => {
    for (const reason of BookingRefusal.options) {
      const texts = bookingRefusalMessages[reason];
      expect(Object.keys(texts).sort()).toEqual(['en', 'pl', 'uk']);
      for (const text of Object.values(texts)) expect(text.trim().length).toBeGreaterThan(10);
      expect(new Set(Object.values(texts)).size).toBe(3);
    }
  });

  it("fills in the rule's number from the refusal's details", () => {
    expect(bookingRefusalMessage('too-late', 'pl', { minLeadMinutes: 90 })).toBe(
      'Wizytę można umówić najpóźniej 90 min przed jej rozpoczęciem.',
    );
    expect(bookingRefusalMessage('daily-limit', 'en', { maxVisitsPerDay: 2 })).toContain(
      '2 visits',
    );
    // The limit is configuration: the word agrees with any number.
    const pl = (n: number) => bookingRefusalMessage('daily-limit', 'pl', { maxVisitsPerDay: n });
    expect([1, 3, 5].map(pl)).toEqual([
      'Jedna osoba może mieć najwyżej 1 wizytę jednego dnia.',
      'Jedna osoba może mieć najwyżej 3 wizyty jednego dnia.',
      'Jedna osoba może mieć najwyżej 5 wizyt jednego dnia.',
    ]);
    expect(bookingRefusalMessage('daily-limit', 'uk', { maxVisitsPerDay: 5 })).toContain(
      '5 візитів',
    );
    expect(bookingRefusalMessage('daily-limit', 'en', { maxVisitsPerDay: 1 })).toContain(
      '1 visit a day',
    );
    expect(bookingRefusalMessage('gap', 'uk', { minGapMinutes: 45 })).toContain('45 хв');
    for (const reason of BookingRefusal.options)
      for (const lang of ['pl', 'en', 'uk'] as const)
        expect(bookingRefusalMessage(reason, lang, { n: 1 })).not.toMatch(/\{n\}|\{visits\}/);
  });
});
