import type { Counter } from '@skr/protocol';
import { decideCounter, holderOf, type CounterCommand } from '../../domain';
import type { UseCaseContext } from './context';

/**
 * Opens (for a clerk), closes or pauses a counter; answers the counter after the change. The
 * ownership rule is told whether the counter's clerk still has a live session: a counter whose
 * clerk's session expired stays open (with any client in hand) and may be reclaimed.
 */
export function changeCounter(ctx: UseCaseContext, cmd: CounterCommand): Counter {
  const now = ctx.now();
  const c = ctx.state.counters.get(cmd.counterId);
  const holder = c ? holderOf(c) : null;
  const holderSignedIn =
    holder === null ? false : ctx.users.hasLiveToken(`user:${holder}`, now.toISOString());
  return ctx.uow.run(() => decideCounter(ctx.state, { ...cmd, holderSignedIn }, now)).decision
    .counter;
}
