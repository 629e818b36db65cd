import type { DeviceStatus } from '@skr/protocol';
import type { EventLog } from '../store';

/** Last known health of every device component (whether a report changed it is decided in the domain). */
export class DeviceHealth {
  private readonly latest = new Map<string, DeviceStatus>();

  constructor(log: EventLog) {
    for (const s of log.latestDeviceStatus()) this.latest.set(`${s.deviceId}/${s.component}`, s);
  }

  /** The last recorded status of a device component. */
  get(deviceId: string, component: string): DeviceStatus | undefined {
    return this.latest.get(`${deviceId}/${component}`);
  }

  /** Records a committed report. */
  apply(s: DeviceStatus): void {
    this.latest.set(`${s.deviceId}/${s.component}`, s);
  }

  /** Every device component's last status. */
  all(): DeviceStatus[] {
    return [...this.latest.values()];
  }
}
