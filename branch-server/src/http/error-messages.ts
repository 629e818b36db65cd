import type { ErrorCode, Lang } from '@skr/protocol';
import { BookingRefusal, bookingRefusalMessage } from '@skr/protocol/calendar';
import { WalkInCutoffReason, walkInRefusalMessage } from '@skr/protocol/walk-in-cutoff';
import { lateArrivalMessages } from '@skr/protocol/late-arrival';
import { counterRefusalText } from './counter-refusal';

/** What a person is told for each failure code, in their language. */
const messages: Partial<Record<ErrorCode, Record<Lang, string>>> = {
  INVALID: {
    pl: 'Nieprawidłowe dane w żądaniu.',
    en: 'The request contains invalid data.',
    uk: 'Запит містить неправильні дані.',
  },
  UNAUTHORIZED: {
    pl: 'Wymagane zalogowanie lub token jest nieważny.',
    en: 'Sign-in required or the token is not valid.',
    uk: 'Потрібен вхід або токен недійсний.',
  },
  FORBIDDEN: {
    pl: 'Brak uprawnień do tej operacji.',
    en: 'You are not allowed to do this.',
    uk: 'Немає прав на цю дію.',
  },
  NOT_FOUND: { pl: 'Nie znaleziono.', en: 'Not found.', uk: 'Не знайдено.' },
  CONFLICT: {
    pl: 'Operacja niemożliwa w obecnym stanie.',
    en: 'Not possible in the current state.',
    uk: 'Неможливо в поточному стані.',
  },
  RATE_LIMITED: {
    pl: 'Zbyt wiele prób. Spróbuj ponownie za chwilę.',
    en: 'Too many attempts. Try again in a moment.',
    uk: 'Забагато спроб. Спробуйте трохи пізніше.',
  },
  UNAVAILABLE: {
    pl: 'Usługa chwilowo niedostępna. Spróbuj ponownie za chwilę.',
    en: 'Temporarily unavailable. Try again shortly.',
    uk: 'Тимчасово недоступно. Спробуйте трохи пізніше.',
  },
  INTERNAL: {
    pl: 'Błąd serwera. Spróbuj ponownie.',
    en: 'Server error. Please try again.',
    uk: 'Помилка сервера. Спробуйте ще раз.',
  },
};

/** Picks pl, en or uk from an Accept-Language header; Polish first. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  const first = (acceptLanguage ?? '').toLowerCase().split(',')[0]?.trim() ?? '';
  if (first.startsWith('en')) return 'en';
  if (first.startsWith('uk')) return 'uk';
  return 'pl';
}

/** The user-facing message for a code, with the specific reason appended. */
export function userMessage(code: ErrorCode, lang: Lang, reason?: string): string {
  const base = (messages[code] ?? messages.INTERNAL!)[lang];
  return reason ? `${base} (${reason})` : base;
}

// A walk-in ticket asked for outside the service's hours (the issue decision's 'closed' with the
// hours in its details); a booking's 'closed' has no hours and keeps the booking catalogue's text.
const walkInHours: Record<Lang, string> = {
  pl: 'Bilety do tej sprawy wydajemy w godzinach {from}–{to}.',
  en: 'Tickets for this service are issued {from}–{to}.',
  uk: 'Талони для цієї справи видаємо з {from} до {to}.',
};

// The same refusal on a statutory holiday (details.holiday): the hours alone would read as a fault.
const walkInHoliday: Record<Lang, string> = {
  pl: 'Dziś jest dzień ustawowo wolny od pracy: oddział jest nieczynny.',
  en: 'Today is a public holiday: the branch is closed.',
  uk: 'Сьогодні державне свято: відділення не працює.',
};

/** A refusal's own message (details.reason of a booking or counter CONFLICT), or undefined. */
export function refusalText(details: unknown, lang: Lang): string | undefined {
  const d = (details ?? {}) as Record<string, unknown>;
  if (d.reason === 'walk-in-cutoff') {
    const cutoff = WalkInCutoffReason.safeParse(d.cutoff);
    return walkInRefusalMessage(cutoff.success ? cutoff.data : 'closing', lang);
  }
  if (d.reason === 'late' && typeof d.lateArrivalMinutes === 'number')
    return lateArrivalMessages[lang].replace('{n}', String(d.lateArrivalMinutes));
  if (d.reason === 'closed' && typeof d.holiday === 'string') return walkInHoliday[lang];
  if (d.reason === 'closed' && typeof d.from === 'string' && typeof d.to === 'string') {
    return walkInHours[lang].replace('{from}', d.from).replace('{to}', d.to);
  }
  const reason = BookingRefusal.safeParse(d.reason);
  return reason.success ? bookingRefusalMessage(reason.data, lang, d) : counterRefusalText(d, lang);
}
