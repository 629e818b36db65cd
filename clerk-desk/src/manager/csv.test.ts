import { describe, expect, it } from 'vitest';
import { csvBytes, toCsv } from './csv';

describe('CSV export', () => {
  it('writes what a Polish Excel opens as columns: BOM, ";", decimal comma, CRLF', () => {
    const rows = [
      { name: 'Emerytury i renty', n: 12, m: 4.5 },
      { name: 'Zasiłki; "pilne"', n: 0, m: null },
      { name: 'Składki, ZUS', n: 1234, m: 0.25 },
    ];
    const csv = toCsv(rows, [
      { header: 'Sprawa', value: (r) => r.name },
      { header: 'Wydane', value: (r) => r.n },
      { header: 'Śr. czekanie', value: (r) => r.m },
    ]);
    expect(csv).toBe(
      '\uFEFFSprawa;Wydane;Śr. czekanie\r\n' +
        'Emerytury i renty;12;4,5\r\n' +
        '"Zasiłki; ""pilne""";0;\r\n' +
        'Składki, ZUS;1234;0,25\r\n',
    );
    const bytes = csvBytes(csv);
    // UTF-8 byte-order mark, then "Sprawa;" — Excel picks UTF-8 from the mark.
    expect([...bytes.subarray(0, 10)]).toEqual([
      0xef, 0xbb, 0xbf, 0x53, 0x70, 0x72, 0x61, 0x77, 0x61, 0x3b,
    ]);
    // "4,5" after the separator: a decimal comma, not a second column.
    const line2 = Buffer.from(bytes).toString('utf8').split('\r\n')[1]!;
    expect(line2.split(';')).toEqual(['Emerytury i renty', '12', '4,5']);
    // "Ś" as UTF-8 (C5 9A), not Windows-1250.
    expect(Buffer.from(bytes).includes(Buffer.from([0xc5, 0x9a]))).toBe(true);
  });
});
