/** A column of an exported table: its header and how to read a cell from a row. */
export interface CsvColumn<R> {
  header: string;
  value: (row: R) => string | number | null;
}

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : v;
  // RFC 4180: quote fields with separators, quotes or line breaks; double the quotes.
  return /[",;\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * A table as CSV text (RFC 4180, comma-separated, CRLF line ends), with a UTF-8 byte-order
 * mark so spreadsheet programs read Polish letters correctly.
 */
export function toCsv<R>(rows: readonly R[], columns: readonly CsvColumn<R>[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(c.value(r))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Offers a CSV text as a file download. */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
