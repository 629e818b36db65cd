// The zod boundary: every request body, query and header is parsed here, and a failure becomes
// INVALID (HTTP 400) with a message naming the offending fields.
import type { z } from 'zod';
import { SkrError } from '@skr/protocol';

/** Parses `value` with `schema` or throws SkrError INVALID listing what is wrong. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    path: i.path.join('.'),
    message: i.message,
  }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new SkrError('INVALID', `Invalid ${what}: ${summary}`, { details: { issues } });
}
