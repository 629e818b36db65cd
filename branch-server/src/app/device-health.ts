import type { DeviceStatus, DeviceStatusReport } from '@skr/protocol';
import type { EventLog, NewEvent } from '../store';

/**
 * Last known health of every device component. A report is recorded (and published) only when
 * it differs from the previous one, so periodic heartbeats do not flood the event log.
 */
export class DeviceHealth {
  private readonly latest = new Map<string, DeviceStatus>();

  constructor(log: EventLog) {
    for (const s of log.latestDeviceStatus()) this.latest.set(`${s.deviceId}/${s.component}`, s);
  }

  /** The event to record for a report, or undefined when nothing changed. */
  change(
    device: { id: string; name: string; kind: string },
    report: DeviceStatusReport,
    at: string,
    actor: string,
  ): NewEvent | undefined {
    const key = `${device.id}/${report.component}`;
    const prev = this.latest.get(key);
    if (
      prev &&
      prev.ok === report.ok &&
      prev.code === report.code &&
      prev.message === report.message
    )
      return undefined;
    const status: DeviceStatus = {
      ...report,
      deviceId: device.id,
      deviceName: device.name,
      kind: device.kind,
      at,
    };
    return { at, type: 'device.status', device: status, actor };
  }

  /** Records a committed report. */
  apply(s: DeviceStatus): void {
    this.latest.set(`${s.deviceId}/${s.component}`, s);
  }

  all(): DeviceStatus[] {
    return [...this.latest.values()];
  }
}
