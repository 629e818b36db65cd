// A minimal YAML writer for JSON-like data (objects, arrays, strings, numbers, booleans, null).
// It exists only to keep docs/pue-openapi.yaml readable; there is no YAML package installed and
// this subset is small. Strings are written JSON-quoted (valid YAML) unless plainly safe.

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

const PLAIN = /^[A-Za-z_/][A-Za-z0-9 _./()-]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

function scalar(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v !== 'string') return String(v);
  return PLAIN.test(v) && !RESERVED.test(v) && !v.endsWith(' ') ? v : JSON.stringify(v);
}

const key = (k: string) =>
  PLAIN.test(k) && !RESERVED.test(k) && !k.includes(' ') ? k : JSON.stringify(k);
const isEmpty = (v: Json) =>
  Array.isArray(v)
    ? v.length === 0
    : typeof v === 'object' && v !== null && Object.keys(v).length === 0;

function lines(v: Json, indent: string): string[] {
  if (Array.isArray(v)) {
    return v.flatMap((item) => {
      if (typeof item !== 'object' || item === null || isEmpty(item)) {
        return [`${indent}- ${isEmpty(item) ? JSON.stringify(item) : scalar(item as string)}`];
      }
      const inner = lines(item, `${indent}  `);
      return [`${indent}- ${(inner[0] ?? '').trimStart()}`, ...inner.slice(1)];
    });
  }
  if (typeof v === 'object' && v !== null) {
    return Object.entries(v).flatMap(([k, val]) => {
      if (typeof val !== 'object' || val === null || isEmpty(val)) {
        return [
          `${indent}${key(k)}: ${isEmpty(val) ? JSON.stringify(val) : scalar(val as string)}`,
        ];
      }
      return [`${indent}${key(k)}:`, ...lines(val, `${indent}  `)];
    });
  }
  return [`${indent}${scalar(v)}`];
}

/** `value` as a YAML document. */
export function toYaml(value: Json): string {
  return `${lines(value, '').join('\n')}\n`;
}
