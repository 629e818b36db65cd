import iconv from 'iconv-lite';

// ESC t numbers as Epson (and, for these pages, Custom) number them, mapped to
// iconv-lite's names. Unknown numbers fall back to PC437, as a printer would.

/** ESC t number → iconv-lite encoding. */
const ESC_T_CODEPAGES: Readonly<Record<number, string>> = {
  0: 'cp437',
  2: 'cp850',
  16: 'cp1252',
  17: 'cp866',
  18: 'cp852',
  19: 'cp858',
  45: 'cp1250',
  46: 'cp1251',
};

/** Decodes printable bytes with the code page selected by ESC t n. */
export function decodeText(bytes: Uint8Array, escT: number): string {
  return iconv.decode(Buffer.from(bytes), ESC_T_CODEPAGES[escT] ?? 'cp437');
}
