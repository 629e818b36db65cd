import type { Counter } from '@skr/protocol';
import { decideCounter, type CounterCommand } from '../../domain';
import type { UseCaseContext } from './context';

/** Opens (for a clerk), closes or pauses a counter; answers the counter after the change. */
export function changeCounter(ctx: UseCaseContext, cmd: CounterCommand): Counter {
  return ctx.uow.run(() => decideCounter(ctx.state, cmd, ctx.now())).decision.counter;
}
