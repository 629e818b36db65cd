import type { ServiceConfig } from '@skr/protocol/manager';
import { decideSaveService, type FieldDiff } from '../../domain';
import type { UseCaseContext } from './context';

/** Creates or changes a service (audited); answers the changed fields. */
export function saveService(
  ctx: UseCaseContext,
  id: string,
  next: ServiceConfig,
  actor: string,
): FieldDiff {
  return ctx.uow.run(() => decideSaveService(ctx.state, id, next, { actor, now: ctx.now() }))
    .decision.diff;
}
