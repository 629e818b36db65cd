import type { Lang } from '@skr/protocol';

// The manager's counters editor shows the server's message as it is, so a refused counter
// number says which counter already has it, in the manager's language.
const texts = {
  'counter-number-taken': {
    pl: 'Numer {sign} ma już stanowisko „{name}”. Wybierz inny numer stanowiska.',
    en: 'Number {sign} already belongs to counter “{name}”. Choose another counter number.',
    uk: 'Номер {sign} вже має робоче місце «{name}». Виберіть інший номер.',
  },
  'counter-sign-taken': {
    pl: 'Oznaczenie {sign} ma już stanowisko „{name}”. Wybierz inne oznaczenie.',
    en: 'The sign {sign} already belongs to counter “{name}”. Choose another label.',
    uk: 'Позначення {sign} вже має робоче місце «{name}». Виберіть інше позначення.',
  },
  'held-by-other': {
    pl: 'Stanowisko „{name}” jest otwarte przez innego urzędnika. Wybierz inne stanowisko.',
    en: 'Counter “{name}” is open under another clerk. Choose another counter.',
    uk: 'Робоче місце «{name}» відкрите іншим працівником. Виберіть інше робоче місце.',
  },
  'not-your-counter': {
    pl: 'Stanowisko „{name}” obsługuje inny urzędnik; tylko on (albo kierownik) może tu działać.',
    en: 'Counter “{name}” is held by another clerk; only they (or a manager) can act there.',
    uk: 'Робоче місце «{name}» обслуговує інший працівник; діяти тут може лише він (або керівник).',
  },
  'holds-other-counter': {
    pl: 'Masz już otwarte stanowisko „{name}”. Zamknij je, zanim otworzysz kolejne.',
    en: 'You already hold counter “{name}”. Close it before opening another.',
    uk: 'У вас уже відкрите робоче місце «{name}». Закрийте його, перш ніж відкрити інше.',
  },
} as const;

/** The message of a refused counter number, label or ownership (details of a refusal), or undefined. */
export function counterRefusalText(d: Record<string, unknown>, lang: Lang): string | undefined {
  if (typeof d.reason !== 'string' || !Object.hasOwn(texts, d.reason)) return undefined;
  const reason = d.reason as keyof typeof texts;
  const sign = reason === 'counter-number-taken' ? d.number : d.sign;
  return texts[reason][lang]
    .replace('{sign}', String(sign))
    .replace('{name}', String(d.counterName));
}
