import { z } from 'zod';

// Why a booking was refused and what the client reads (pl/en/uk): one catalogue for the
// branch, the desk, the kiosk and the portal stand-in.

/** Why a booking was refused (details.reason of a CONFLICT). */
export const BookingRefusal = z.enum([
  'full',
  'too-late',
  'daily-limit',
  'gap',
  'closed',
  'past',
  'stranded',
  'portal-visit',
]);
/** A refusal reason. */
export type BookingRefusal = z.infer<typeof BookingRefusal>;

/**
 * What a client is told for each refusal, Polish first; every channel (kiosk, desk, manager,
 * the portal stand-in) shows the same words. `{n}` is the rule's number from `details`.
 */
export const bookingRefusalMessages: Record<BookingRefusal, Record<'pl' | 'en' | 'uk', string>> = {
  full: {
    pl: 'Brak wolnych miejsc na tę sprawę o tej godzinie. Wybierz inny termin.',
    en: 'No free place for this service at this time. Please choose another time.',
    uk: 'Немає вільних місць для цієї справи на цей час. Оберіть інший термін.',
  },
  'too-late': {
    pl: 'Wizytę można umówić najpóźniej {n} min przed jej rozpoczęciem.',
    en: 'A visit can be booked at the latest {n} minutes before it starts.',
    uk: 'Візит можна записати щонайпізніше за {n} хв до його початку.',
  },
  'daily-limit': {
    pl: 'Jedna osoba może mieć najwyżej {n} {visits} jednego dnia.',
    en: 'One person can have at most {n} {visits} a day.',
    uk: 'Одна особа може мати щонайбільше {n} {visits} на день.',
  },
  gap: {
    pl: 'Między wizytami jednej osoby musi minąć co najmniej {n} min.',
    en: 'At least {n} minutes must pass between two visits of one person.',
    uk: 'Між візитами однієї особи має минути щонайменше {n} хв.',
  },
  closed: {
    pl: 'W tym terminie placówka nie przyjmuje umówionych wizyt w tej sprawie.',
    en: 'The branch takes no booked visits of this service at this time.',
    uk: 'У цей час відділення не приймає записаних візитів у цій справі.',
  },
  past: {
    pl: 'Wizyta już się rozpoczęła lub minęła; nie można jej odwołać ani przenieść.',
    en: 'The visit has already started or passed; it cannot be cancelled or moved.',
    uk: 'Візит уже почався або минув; його не можна скасувати чи перенести.',
  },
  stranded: {
    pl: 'Zmiana planu pozostawiłaby umówione wizyty bez miejsca.',
    en: 'The plan change would leave booked visits without a place.',
    uk: 'Зміна плану залишила б записані візити без місця.',
  },
  'portal-visit': {
    pl: 'Wizytę umówioną przez internet lub infolinię odwołaj lub przenieś w eZUS albo na infolinii.',
    en: 'A visit booked online or by phone is cancelled or moved in eZUS or on the phone line.',
    uk: 'Візит, записаний онлайн або телефоном, скасуйте чи перенесіть в eZUS або на гарячій лінії.',
  },
};

// "visit" after a number, by each language's plural rules (Intl.PluralRules: one/few/many/other);
// the daily limit is configuration, so 1, 3 and 5 must all read right.
const visitWords: Record<'pl' | 'en' | 'uk', Partial<Record<Intl.LDMLPluralRule, string>>> = {
  pl: { one: 'wizytę', few: 'wizyty', many: 'wizyt', other: 'wizyty' },
  en: { one: 'visit', other: 'visits' },
  uk: { one: 'візит', few: 'візити', many: 'візитів', other: 'візиту' },
};

/** The word "visit" agreeing with the number `n` in `lang`. */
function visitsWord(n: unknown, lang: 'pl' | 'en' | 'uk'): string {
  const forms = visitWords[lang];
  const rule = typeof n === 'number' ? new Intl.PluralRules(lang).select(n) : 'other';
  return forms[rule] ?? forms.other!;
}

/** The client's message for a refusal, with the rule's number filled in. */
export function bookingRefusalMessage(
  reason: BookingRefusal,
  lang: 'pl' | 'en' | 'uk',
  details: Record<string, unknown> = {},
): string {
  const n =
    details.minLeadMinutes ?? details.maxVisitsPerDay ?? details.minGapMinutes ?? details.n ?? '';
  return bookingRefusalMessages[reason][lang]
    .replace('{n}', String(n))
    .replace('{visits}', visitsWord(n, lang));
}
