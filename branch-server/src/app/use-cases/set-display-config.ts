import type { DisplayConfig } from '@skr/protocol';
import type { UseCaseContext } from './context';

/**
 * A manager sets a screen's configuration from the device page (not audited, no event: the
 * screen reads it at its next start). Through the pipeline like every write.
 */
export function setDisplayConfig(
  ctx: UseCaseContext,
  deviceId: string,
  config: DisplayConfig,
): DisplayConfig {
  ctx.uow.run(() => ({
    events: [],
    rows: [{ row: 'display' as const, subject: `device:${deviceId}`, config }],
  }));
  return config;
}
