import type { PrintLang } from '@skr/protocol/printer';

// Fixed labels printed on tickets and receipts, per language. Names that come from the
// branch server (branch, service, form) arrive already translated.

/** Every label a layout prints. */
export interface PrintLabels {
  yourNumber: string;
  service: string;
  issuedAt: string;
  peopleAhead: string;
  estimatedWait: string;
  minutes: string;
  followOnPhone: string;
  priority: string;
  bookedVisit: string;
  bookedFor: string;
  bookingCode: string;
  uppTitle: string;
  uppId: string;
  branchReceiptTitle: string;
  receiptNo: string;
  /** The check code printed beside the branch receipt's number. */
  receiptCode: string;
  /** How to get the UPP later: scan the receipt's QR at the kiosk. */
  lookupUpp: string;
  /** What happens to a document the branch holds until the portal takes it. */
  branchReceiptNext: string;
  documentId: string;
  form: string;
  pages: string;
  sha256: string;
  submittedAt: string;
  branch: string;
  outOfService: string;
  keepTicket: string;
  /** Booking slip: the day, the hour, the address and how to check in. */
  visitDay: string;
  visitHour: string;
  address: string;
  checkInWithCode: string;
}

const pl: PrintLabels = {
  yourNumber: 'Twój numer',
  service: 'Sprawa',
  issuedAt: 'Wydano',
  peopleAhead: 'Osób przed Tobą',
  estimatedWait: 'Szacowany czas oczekiwania',
  minutes: 'min',
  followOnPhone: 'Śledź kolejkę w telefonie',
  priority: 'OBSŁUGA PRIORYTETOWA',
  bookedVisit: 'Wizyta umówiona',
  bookedFor: 'Termin wizyty',
  bookingCode: 'Kod rezerwacji',
  uppTitle: 'Urzędowe poświadczenie przedłożenia',
  uppId: 'Nr UPP',
  branchReceiptTitle: 'Potwierdzenie przyjęcia w oddziale',
  receiptNo: 'Nr potwierdzenia',
  receiptCode: 'Kod sprawdzający',
  lookupUpp:
    'UPP sprawdzisz i wydrukujesz w urzędomacie: "Sprawdź potwierdzenie (UPP)" i ten kod QR.',
  branchReceiptNext:
    'To nie jest UPP. Dokument czeka w oddziale na wysłanie do ZUS. UPP powstanie, gdy ZUS przyjmie dokument. Zachowaj to potwierdzenie.',
  documentId: 'Identyfikator dokumentu',
  form: 'Formularz',
  pages: 'Liczba stron',
  sha256: 'Skrót pliku (SHA-256)',
  submittedAt: 'Data przedłożenia',
  branch: 'Placówka',
  outOfService: 'CHWILOWO NIECZYNNE',
  keepTicket: 'Zachowaj bilet do wywołania numeru',
  visitDay: 'Dzień',
  visitHour: 'Godzina',
  address: 'Adres',
  checkInWithCode: 'W dniu wizyty zeskanuj kod w biletomacie',
};

const en: PrintLabels = {
  yourNumber: 'Your number',
  service: 'Service',
  issuedAt: 'Issued',
  peopleAhead: 'People ahead of you',
  estimatedWait: 'Estimated wait',
  minutes: 'min',
  followOnPhone: 'Follow the queue on your phone',
  priority: 'PRIORITY SERVICE',
  bookedVisit: 'Booked visit',
  bookedFor: 'Booked for',
  bookingCode: 'Booking code',
  uppTitle: 'Official confirmation of submission',
  uppId: 'UPP no.',
  branchReceiptTitle: 'Branch receipt of submission',
  receiptNo: 'Receipt no.',
  receiptCode: 'Check code',
  lookupUpp: 'Check and print the UPP at the kiosk: "Check receipt (UPP)" and this QR code.',
  branchReceiptNext:
    'This is not a UPP. The document waits at the branch to be sent to ZUS. The UPP is issued when ZUS accepts it. Keep this receipt.',
  documentId: 'Document id',
  form: 'Form',
  pages: 'Pages',
  sha256: 'File digest (SHA-256)',
  submittedAt: 'Submitted',
  branch: 'Branch',
  outOfService: 'OUT OF SERVICE',
  keepTicket: 'Keep this ticket until your number is called',
  visitDay: 'Day',
  visitHour: 'Time',
  address: 'Address',
  checkInWithCode: 'On the day, scan this code at the ticket machine',
};

const uk: PrintLabels = {
  yourNumber: 'Ваш номер',
  service: 'Справа',
  issuedAt: 'Видано',
  peopleAhead: 'Осіб перед вами',
  estimatedWait: 'Орієнтовний час очікування',
  minutes: 'хв',
  followOnPhone: 'Стежте за чергою в телефоні',
  priority: 'ПРІОРИТЕТНЕ ОБСЛУГОВУВАННЯ',
  bookedVisit: 'Запланований візит',
  bookedFor: 'Час візиту',
  bookingCode: 'Код бронювання',
  uppTitle: 'Офіційне підтвердження подання',
  uppId: 'Номер UPP',
  branchReceiptTitle: 'Підтвердження прийняття у відділенні',
  receiptNo: 'Номер підтвердження',
  receiptCode: 'Код перевірки',
  lookupUpp:
    'Перевірте й роздрукуйте UPP у терміналі: «Перевірити підтвердження (UPP)» і цей QR-код.',
  branchReceiptNext:
    'Це не UPP. Документ чекає у відділенні на відправлення до ZUS. UPP буде видано, коли ZUS прийме документ. Збережіть це підтвердження.',
  documentId: 'Ідентифікатор документа',
  form: 'Форма',
  pages: 'Кількість сторінок',
  sha256: 'Хеш файлу (SHA-256)',
  submittedAt: 'Дата подання',
  branch: 'Відділення',
  outOfService: 'ТИМЧАСОВО НЕ ПРАЦЮЄ',
  keepTicket: 'Збережіть квиток до виклику номера',
  visitDay: 'День',
  visitHour: 'Година',
  address: 'Адреса',
  checkInWithCode: 'У день візиту відскануйте код у терміналі',
};

/** Label catalogue by language. */
export const printLabels: Readonly<Record<PrintLang, PrintLabels>> = { pl, en, uk };
