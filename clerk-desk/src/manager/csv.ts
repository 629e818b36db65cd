/** A column of an exported table: its header and how to read a cell from a row. */
export interface CsvColumn<R> {
  header: string;
  value: (row: R) => string | number | null;
}

// The Polish Excel (list separator ";", decimal separator ",") opens a file with this dialect
// as columns on a double-click; a comma-separated file lands in one column there.
const SEPARATOR = ';';

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v).replace('.', ',') : v;
  // RFC 4180 quoting: fields with separators, quotes or line breaks; quotes doubled.
  return /[";\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * A table as CSV for a Polish spreadsheet: semicolon-separated, decimal comma, CRLF line ends,
 * and a UTF-8 byte-order mark so Excel reads Polish letters correctly.
 */
export function toCsv<R>(rows: readonly R[], columns: readonly CsvColumn<R>[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(SEPARATOR)];
  for (const r of rows) lines.push(columns.map((c) => cell(c.value(r))).join(SEPARATOR));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The CSV text as the bytes of the downloaded file (UTF-8, BOM first). */
export function csvBytes(csv: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(csv);
}

/** Offers a CSV text as a file download. */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csvBytes(csv)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
