import type { DeviceKind, DisplayConfig } from '@skr/protocol';
import type {
  CounterConfig,
  ServiceConfig,
  SettingsConfig,
  UserConfig,
} from '@skr/protocol/manager';
import { auditRepo } from '../config-admin/audit-repo';
import { configView } from './config-view';
import * as uc from './use-cases';
import type { UseCaseContext } from './use-cases';

/**
 * The admin's configuration use cases. Each change is one pass through the pipeline: the new
 * rows, an audit entry (who, when, what), a `config.changed` event and its outbox rows; then
 * the running branch reloads its services, counters and settings (no restart). Tickets in hand
 * stay untouched.
 */
export function adminCommands(ctx: UseCaseContext) {
  const audit = auditRepo(ctx.db);
  return {
    config: () => configView(ctx),
    saveService: (id: string, next: ServiceConfig, actor: string) =>
      uc.saveService(ctx, id, next, actor),
    saveCounter: (id: number | undefined, next: CounterConfig, actor: string) =>
      uc.saveCounter(ctx, id, next, actor),
    saveSettings: (next: SettingsConfig, actor: string) => uc.saveSettings(ctx, next, actor),
    saveUser: (username: string, next: UserConfig, actor: string) =>
      uc.saveUser(ctx, username, next, actor),
    createDevice: (kind: DeviceKind, name: string, actor: string) =>
      uc.createDevice(ctx, kind, name, actor),
    revokeDevice: (id: string, actor: string) => uc.revokeDevice(ctx, id, actor),
    saveDisplayConfig: (id: string, next: DisplayConfig, actor: string) =>
      uc.saveDisplayConfig(ctx, id, next, actor),
    /** Audit entries, newest first. */
    audit: (limit: number, before?: number) => audit.list(limit, before),
  };
}
/** The admin's configuration use cases. */
export type AdminCommands = ReturnType<typeof adminCommands>;
