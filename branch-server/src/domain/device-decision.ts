import type { DeviceStatus, DeviceStatusReport } from '@skr/protocol';
import type { Decision } from './records';

/** A device's health report. */
interface DeviceStatusCommand {
  device: { id: string; name: string; kind: string };
  report: DeviceStatusReport;
  /** The last recorded status of this device component, if any. */
  previous: DeviceStatus | undefined;
  actor: string;
}

/**
 * Decides a health report: recorded (and published) only when it differs from the previous
 * one, so periodic heartbeats do not flood the event log.
 */
export function decideDeviceStatus(cmd: DeviceStatusCommand, now: Date): Decision {
  const { previous: prev, report, device } = cmd;
  if (prev && prev.ok === report.ok && prev.code === report.code && prev.message === report.message)
    return { events: [], rows: [] };
  const at = now.toISOString();
  const status: DeviceStatus = {
    ...report,
    deviceId: device.id,
    deviceName: device.name,
    kind: device.kind,
    at,
  };
  return { events: [{ at, type: 'device.status', device: status, actor: cmd.actor }], rows: [] };
}
