import { validatorCompiler } from 'fastify-type-provider-zod';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';

/**
 * Request parts are validated (and transformed: defaults, coercion, upper-casing) by the zod
 * schemas of the route table. A missing body is validated as `{}`, as the hand-called checks
 * did, so a route whose body fields are all optional accepts an empty POST.
 */
export function installValidation(app: FastifyInstance): void {
  app.setValidatorCompiler((route) => {
    const validate = validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
    return route.httpPart === 'body' ? (data: unknown) => validate(data ?? {}) : validate;
  });
}

/**
 * Answers are written with plain JSON.stringify. With `check` on (tests), each answer is first
 * parsed with its route's response schema and a mismatch fails the request (500, logged), so
 * every component test also checks the route table against what the server really says.
 * Production skips the check: the schemas are the contract, the tests hold the server to it.
 */
export function installSerializer(app: FastifyInstance, check: boolean): void {
  app.setSerializerCompiler(({ schema, method, url, httpStatus }) => {
    const zod = schema as z.ZodType;
    if (!check || typeof zod?.safeParse !== 'function') return (data) => JSON.stringify(data);
    return (data) => {
      const r = zod.safeParse(data);
      if (!r.success) {
        const where = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        throw new Error(`answer of ${method} ${url} (${httpStatus}) breaks its schema: ${where}`);
      }
      return JSON.stringify(data);
    };
  });
}
