// An iCalendar (RFC 5545) event for a booked visit: the e-mail's attachment. UTC times, so no
// VTIMEZONE block is needed; the UID is stable per booking so a calendar replaces, not adds.

/** What the visit's calendar entry says. */
interface VisitEvent {
  uid: string;
  start: Date;
  minutes: number;
  summary: string;
  location: string;
  description: string;
  /** METHOD:CANCEL removes the entry from the calendar that holds it. */
  cancelled?: boolean;
  stamp: Date;
}

const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

// RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT.
const text = (s: string) =>
  s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');

// §3.1: lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character.
function fold(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > (out.length === 0 ? 75 : 74)) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

/** The .ics text of one visit (CRLF line ends, folded). */
export function visitIcs(e: VisitEvent): string {
  const end = new Date(e.start.getTime() + e.minutes * 60_000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ZUS//SKR branch//PL',
    `METHOD:${e.cancelled ? 'CANCEL' : 'PUBLISH'}`,
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utc(e.stamp)}`,
    `DTSTART:${utc(e.start)}`,
    `DTEND:${utc(end)}`,
    `SUMMARY:${text(e.summary)}`,
    `LOCATION:${text(e.location)}`,
    `DESCRIPTION:${text(e.description)}`,
    `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
