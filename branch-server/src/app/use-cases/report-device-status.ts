import type { DeviceStatusReport } from '@skr/protocol';
import { decideDeviceStatus } from '../../domain';
import type { UseCaseContext } from './context';

/** Records a device's health report; publishes `device.status` when it changed. */
export function reportDeviceStatus(
  ctx: UseCaseContext,
  device: { id: string; name: string; kind: string },
  report: DeviceStatusReport,
  actor: string,
): { changed: boolean } {
  const previous = ctx.health.get(device.id, report.component);
  const { events } = ctx.uow.run(() =>
    decideDeviceStatus({ device, report, previous, actor }, ctx.now()),
  );
  return { changed: events.length > 0 };
}
