import type {
  BookingSlipDoc,
  CheckInTicketDoc,
  OutOfServiceDoc,
  QueueTicketDoc,
  ReceiptDoc,
} from '@skr/protocol/printer';
import type { AnswerLetterDoc } from '@skr/protocol/pue-inbox';

// The documents the printer tests print: one of each layout, with Polish names and dates on
// the branch's clock. Tests that need other values spread one and change what they check.

const ZONE = 'Europe/Warsaw';

/** A walk-in queue ticket (pl). */
export const queue: QueueTicketDoc = {
  branchName: 'ZUS Oddział w Łodzi',
  number: 'A123',
  serviceName: 'Emerytury i renty',
  issuedAt: '2026-11-30T07:15:00Z',
  timeZone: ZONE,
  peopleAhead: 12,
  estimatedWaitMinutes: 35,
  followUrl: 'https://skr.local/q/7f3a',
  lang: 'pl',
};

/** A booked visit checked in (en). */
export const checkIn: CheckInTicketDoc = {
  branchName: 'ZUS Oddział w Łodzi',
  number: 'W007',
  serviceName: 'Ubezpieczenia i składki',
  bookedFor: '2026-07-01T08:30:00Z',
  timeZone: ZONE,
  bookingCode: 'K7Q2-9XZ',
  lang: 'en',
  peopleAhead: 2,
  followUrl: 'https://skr.local/q/w007',
};

/** A document receipt with its UPP (pl), submitted in the first hour of summer time. */
export const receipt: ReceiptDoc = {
  branchName: 'ZUS Oddział w Łodzi',
  documentId: 'DOC-2026-000123',
  formCode: 'ZUS-ERP-7',
  formName: 'Zaświadczenie o zatrudnieniu',
  pages: 3,
  sha256: '0123456789abcdef'.repeat(4),
  submittedAt: '2026-03-29T01:30:00Z', // 03:30 CEST: the first hour of summer time
  timeZone: ZONE,
  uppId: 'UPP/2026/03/000123',
  lang: 'pl',
};

/** The out-of-service slip (pl). */
export const outOfService: OutOfServiceDoc = {
  branchName: 'ZUS Oddział w Łodzi',
  message: 'Drukarka biletów nieczynna. Zapraszamy do stanowiska 3.',
  lang: 'pl',
};

/** The slip of a visit booked at the kiosk (pl). */
export const bookingSlip: BookingSlipDoc = {
  branchName: 'ZUS Oddział w Łodzi',
  address: 'ul. Zamenhofa 2, 90-431 Łódź',
  serviceName: 'Emerytury i renty',
  start: '2026-12-02T09:30:00Z',
  timeZone: ZONE,
  bookingCode: 'K7Q29XZA',
  lang: 'pl',
};

/** An answer from ZUS with its signed UPD (pl). */
export const answerLetter: AnswerLetterDoc = {
  branchName: 'ZUS Oddział w Łodzi',
  title: 'Decyzja w sprawie zasiłku chorobowego',
  date: '2026-11-20',
  sender: 'ZUS I Oddział w Łodzi, Wydział Zasiłków',
  reference: 'ZAS/2026/014532',
  upd: { updId: 'UPD/2026/00000001', signedAt: '2026-11-30T08:05:00Z' },
  timeZone: ZONE,
  lang: 'pl',
};
