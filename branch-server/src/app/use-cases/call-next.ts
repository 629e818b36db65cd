import type { Ticket } from '@skr/protocol';
import { decideCallNext, type CounterCaller } from '../../domain';
import type { UseCaseContext } from './context';

/**
 * Calls the next ticket to a counter; a ticket being served there is finished first.
 * Undefined when nobody waits for it. Calls run one at a time on the event loop, so two
 * counters can never take the same ticket.
 */
export function callNext(
  ctx: UseCaseContext,
  counterId: number,
  actor: string | null,
  caller?: CounterCaller,
): Ticket | undefined {
  const { decision } = ctx.uow.run(() =>
    decideCallNext(ctx.state, { counterId, actor, caller }, ctx.now(), ctx.policy),
  );
  return decision.rows.find(
    (r): r is Extract<typeof r, { row: 'ticket' }> =>
      r.row === 'ticket' && r.ticket.id === decision.calledId,
  )?.ticket;
}
