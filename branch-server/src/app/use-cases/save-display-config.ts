import type { DisplayConfig } from '@skr/protocol';
import { decideSaveDisplayConfig, type FieldDiff } from '../../domain';
import type { UseCaseContext } from './context';

/** Sets a screen's services, voice, volume, message and history length (audited). */
export function saveDisplayConfig(
  ctx: UseCaseContext,
  id: string,
  next: DisplayConfig,
  actor: string,
): FieldDiff {
  return ctx.uow.run(() =>
    decideSaveDisplayConfig(
      ctx.users.devices(),
      id,
      ctx.catalog.displayConfig(`device:${id}`),
      next,
      { actor, now: ctx.now() },
    ),
  ).decision.diff;
}
