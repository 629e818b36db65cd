import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV export', () => {
  it('quotes what needs quoting, keeps Polish letters and ends lines with CRLF', () => {
    const rows = [
      { name: 'Emerytury i renty', n: 12, m: 4.5 },
      { name: 'Zasiłki, "pilne"', n: 0, m: null },
    ];
    const csv = toCsv(rows, [
      { header: 'Sprawa', value: (r) => r.name },
      { header: 'Wydane', value: (r) => r.n },
      { header: 'Śr. czekanie', value: (r) => r.m },
    ]);
    expect(csv).toBe(
      '\uFEFFSprawa,Wydane,Śr. czekanie\r\nEmerytury i renty,12,4.5\r\n"Zasiłki, ""pilne""",0,\r\n',
    );
  });
});
