import { SkrError } from '@skr/protocol';
import type { z } from 'zod';

/** Parses untrusted input with a protocol schema; INVALID with each problem listed otherwise. */
export function parse<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const r = schema.safeParse(data ?? {});
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const reason = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new SkrError('INVALID', reason, { details: { issues } });
}
