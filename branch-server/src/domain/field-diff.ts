import type { FieldDiff } from './records';

/** Never written to the audit, whatever the entity. */
const SECRET = new Set(['password', 'passwordHash', 'token']);

/**
 * Top-level fields that differ between two versions of an entity (structural comparison);
 * secrets appear as "***" so the audit says a password changed, never what it is.
 */
export function fieldDiff(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
): FieldDiff {
  const out: FieldDiff = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  for (const k of keys) {
    const a = before?.[k];
    const b = after[k];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    out[k] = SECRET.has(k)
      ? { before: a === undefined ? null : '***', after: b === undefined ? null : '***' }
      : { before: a ?? null, after: b ?? null };
  }
  return out;
}
