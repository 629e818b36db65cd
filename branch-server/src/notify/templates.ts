import type { Lang, MessageData, MessageKind } from './types';

// The words of every message, Polish first. SMS texts are short on purpose: each must fit two
// UCS-2 segments (134 characters) untransliterated, tested for every language and kind with the
// longest service name of the branch.

type Texts = { subject: string; sms: string; body: string };
type Catalogue = Record<MessageKind, (d: Required<MessageData>) => Texts>;

const pl: Catalogue = {
  'booking-confirmed': (d) => ({
    subject: `Potwierdzenie wizyty ${d.date} ${d.time}`,
    sms: `ZUS: wizyta ${d.date} ${d.time}, ${d.service}. Kod ${d.code}. ${d.place}`,
    body:
      `Dzień dobry,\n\npotwierdzamy rezerwację wizyty.\n\nSprawa: ${d.service}\n` +
      `Termin: ${d.date}, godz. ${d.time}\nKod rezerwacji: ${d.code}\nMiejsce: ${d.place}\n\n` +
      `Kod wpisz w kiosku po przyjściu. W załączniku termin do kalendarza.\n\nZUS`,
  }),
  'booking-reminder': (d) => ({
    subject: `Przypomnienie: wizyta jutro o ${d.time}`,
    sms: `ZUS: jutro ${d.time} wizyta, ${d.service}. Kod ${d.code}. ${d.place}`,
    body:
      `Dzień dobry,\n\nprzypominamy o jutrzejszej wizycie.\n\nSprawa: ${d.service}\n` +
      `Termin: ${d.date}, godz. ${d.time}\nKod rezerwacji: ${d.code}\nMiejsce: ${d.place}\n\nZUS`,
  }),
  'booking-cancelled': (d) => ({
    subject: `Wizyta ${d.date} ${d.time} odwołana`,
    sms: `ZUS: wizyta ${d.date} ${d.time} (kod ${d.code}) została odwołana.`,
    body:
      `Dzień dobry,\n\nrezerwacja wizyty ${d.date} o ${d.time} (sprawa: ${d.service}, ` +
      `kod ${d.code}) została odwołana.\n\nZUS`,
  }),
  'turn-near': (d) => ({
    subject: `Numer ${d.number}: zbliża się Twoja kolej`,
    sms: `ZUS: numer ${d.number} – przed Tobą ${d.ahead} os., ok. ${d.minutes} min. Wróć na salę.`,
    body:
      `Numer ${d.number}: przed Tobą ${d.ahead} os., około ${d.minutes} min.\n` +
      `Prosimy wrócić na salę obsługi.\n\nZUS`,
  }),
  called: (d) => ({
    subject: `Numer ${d.number}: stanowisko ${d.counter}`,
    sms: `ZUS: numer ${d.number} – zapraszamy do stanowiska ${d.counter}.`,
    body: `Numer ${d.number}: zapraszamy do stanowiska ${d.counter}.\n\nZUS`,
  }),
};

const en: Catalogue = {
  'booking-confirmed': (d) => ({
    subject: `Visit confirmed: ${d.date} ${d.time}`,
    sms: `ZUS: visit ${d.date} ${d.time}, ${d.service}. Code ${d.code}. ${d.place}`,
    body:
      `Hello,\n\nyour visit is booked.\n\nService: ${d.service}\nDate: ${d.date}, ${d.time}\n` +
      `Booking code: ${d.code}\nPlace: ${d.place}\n\nEnter the code at the kiosk when you arrive. ` +
      `The attachment adds the visit to your calendar.\n\nZUS`,
  }),
  'booking-reminder': (d) => ({
    subject: `Reminder: your visit tomorrow at ${d.time}`,
    sms: `ZUS: visit tomorrow ${d.time}, ${d.service}. Code ${d.code}. ${d.place}`,
    body:
      `Hello,\n\na reminder of your visit tomorrow.\n\nService: ${d.service}\n` +
      `Date: ${d.date}, ${d.time}\nBooking code: ${d.code}\nPlace: ${d.place}\n\nZUS`,
  }),
  'booking-cancelled': (d) => ({
    subject: `Visit ${d.date} ${d.time} cancelled`,
    sms: `ZUS: your visit ${d.date} ${d.time} (code ${d.code}) is cancelled.`,
    body:
      `Hello,\n\nyour visit on ${d.date} at ${d.time} (service: ${d.service}, code ${d.code}) ` +
      `is cancelled.\n\nZUS`,
  }),
  'turn-near': (d) => ({
    subject: `Number ${d.number}: your turn is near`,
    sms: `ZUS: number ${d.number} - ${d.ahead} ahead of you, about ${d.minutes} min. Please come back to the hall.`,
    body:
      `Number ${d.number}: ${d.ahead} people ahead of you, about ${d.minutes} min.\n` +
      `Please come back to the waiting hall.\n\nZUS`,
  }),
  called: (d) => ({
    subject: `Number ${d.number}: counter ${d.counter}`,
    sms: `ZUS: number ${d.number} - please go to counter ${d.counter}.`,
    body: `Number ${d.number}: please go to counter ${d.counter}.\n\nZUS`,
  }),
};

const uk: Catalogue = {
  'booking-confirmed': (d) => ({
    subject: `Візит підтверджено: ${d.date} ${d.time}`,
    sms: `ZUS: візит ${d.date} ${d.time}, ${d.service}. Код ${d.code}. ${d.place}`,
    body:
      `Добрий день,\n\nваш візит заброньовано.\n\nСправа: ${d.service}\nДата: ${d.date}, ${d.time}\n` +
      `Код бронювання: ${d.code}\nМісце: ${d.place}\n\nВведіть код у кіоску, коли прийдете. ` +
      `У вкладенні — подія для календаря.\n\nZUS`,
  }),
  'booking-reminder': (d) => ({
    subject: `Нагадування: візит завтра о ${d.time}`,
    sms: `ZUS: завтра ${d.time} візит, ${d.service}. Код ${d.code}. ${d.place}`,
    body:
      `Добрий день,\n\nнагадуємо про завтрашній візит.\n\nСправа: ${d.service}\n` +
      `Дата: ${d.date}, ${d.time}\nКод бронювання: ${d.code}\nМісце: ${d.place}\n\nZUS`,
  }),
  'booking-cancelled': (d) => ({
    subject: `Візит ${d.date} ${d.time} скасовано`,
    sms: `ZUS: візит ${d.date} ${d.time} (код ${d.code}) скасовано.`,
    body:
      `Добрий день,\n\nваш візит ${d.date} о ${d.time} (справа: ${d.service}, код ${d.code}) ` +
      `скасовано.\n\nZUS`,
  }),
  'turn-near': (d) => ({
    subject: `Номер ${d.number}: ваша черга наближається`,
    sms: `ZUS: номер ${d.number} – перед вами ${d.ahead} ос., бл. ${d.minutes} хв. Поверніться до залу.`,
    body:
      `Номер ${d.number}: перед вами ${d.ahead} осіб, близько ${d.minutes} хв.\n` +
      `Просимо повернутися до залу.\n\nZUS`,
  }),
  called: (d) => ({
    subject: `Номер ${d.number}: віконце ${d.counter}`,
    sms: `ZUS: номер ${d.number} – запрошуємо до віконця ${d.counter}.`,
    body: `Номер ${d.number}: запрошуємо до віконця ${d.counter}.\n\nZUS`,
  }),
};

const catalogues: Record<Lang, Catalogue> = { pl, en, uk };

/** Longest service name and place an SMS carries (longer ones are cut with an ellipsis). */
const SMS_FIELD_LIMIT = { service: 28, place: 34 } as const;

function cut(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
}

/** The subject, e-mail body and SMS text of one message in `lang`. */
export function renderTexts(kind: MessageKind, lang: Lang, data: MessageData): Texts {
  const d: Required<MessageData> = {
    number: '',
    counter: '',
    ahead: 0,
    minutes: 0,
    code: '',
    date: '',
    time: '',
    service: '',
    place: '',
    ...data,
  };
  const full = catalogues[lang][kind](d);
  const short = catalogues[lang][kind]({
    ...d,
    service: cut(d.service, SMS_FIELD_LIMIT.service),
    place: cut(d.place, SMS_FIELD_LIMIT.place),
  });
  return { subject: full.subject, body: full.body, sms: short.sms };
}
