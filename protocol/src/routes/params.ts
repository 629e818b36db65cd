import { z } from 'zod';

/** A path segment naming a record by its id (checked by the use case, not here). */
export const IdParams = z.object({ id: z.string() });

/** A counter's number in the path: a positive integer. */
export const CounterIdParams = z.object({
  id: z.coerce.number<number | string>().int().positive().describe('counter number'),
});

/** `since`/`limit` style numbers arrive as strings in a query. */
export const queryInt = () => z.coerce.number<number | string>().int();

/** An account in the path. */
export const AccountParams = z.object({ accountId: z.string().min(1).max(64) });
