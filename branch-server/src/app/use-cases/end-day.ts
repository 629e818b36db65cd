import { decideEndOfDay, END_OF_DAY_ACTOR } from '../../domain';
import type { UseCaseContext } from './context';

/** What ending the day did (the manager's answer). */
export interface EndDayResult {
  closedCounters: number;
  resolvedTickets: number;
  bookedLeftovers: string[];
}

/**
 * Ends the branch day now: counters closed, clerks signed out of them, leftovers resolved (one
 * transaction). Screens' recent calls are emptied, so nothing of this day stays showable when
 * numbering restarts tomorrow.
 */
export function endDay(ctx: UseCaseContext, actor: string = END_OF_DAY_ACTOR): EndDayResult {
  const { decision } = ctx.uow.run(() => decideEndOfDay(ctx.state, ctx.now(), actor));
  // Memory only: the calls stay in the log and the statistics; screens stop showing them.
  ctx.state.recentCalls = [];
  return {
    closedCounters: decision.closedCounters,
    resolvedTickets: decision.resolvedTickets,
    bookedLeftovers: decision.bookedLeftovers,
  };
}
