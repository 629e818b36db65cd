import type { Counter } from '@skr/protocol';
import type { CounterConfig } from '@skr/protocol/manager';
import { decideSaveCounter } from '../../domain';
import type { UseCaseContext } from './context';

/** Creates (id undefined) or renames / re-skills a counter (audited); its live state is kept. */
export function saveCounter(
  ctx: UseCaseContext,
  id: number | undefined,
  next: CounterConfig,
  actor: string,
): Counter {
  return ctx.uow.run(() => decideSaveCounter(ctx.state, id, next, { actor, now: ctx.now() }))
    .decision.counter;
}
