import type { SettingsConfig } from '@skr/protocol/manager';
import { decideSaveSettings, type FieldDiff } from '../../domain';
import type { UseCaseContext } from './context';

/** Changes the queue rules (audited); answers the changed fields. */
export function saveSettings(ctx: UseCaseContext, next: SettingsConfig, actor: string): FieldDiff {
  return ctx.uow.run(() => decideSaveSettings(ctx.state, next, { actor, now: ctx.now() })).decision
    .diff;
}
