import type { DeviceStatus, Service } from '@skr/protocol';
import type {
  MonitorAlert,
  MonitorCounter,
  MonitorDevice,
  MonitorLine,
  MonitorSnapshot,
  TargetLevel,
} from '@skr/protocol/manager';
import type { Branch } from '../app';
import type { Device } from '../store';

/** Share of the target at which a wait turns amber. */
const WARN_SHARE = 0.8;

/** How a wait compares with its target. */
function targetLevel(waitMinutes: number, targetMinutes: number): TargetLevel {
  if (waitMinutes > targetMinutes) return 'over';
  if (waitMinutes >= targetMinutes * WARN_SHARE) return 'warn';
  return 'ok';
}

/** What the monitor reads besides the branch. */
interface MonitorSources {
  /** Paired devices (revoked ones are left out). */
  devices: () => Device[];
  /** Token subjects (`device:<id>`) with a socket connected now. */
  connected: () => Set<string>;
}

function devicesOf(
  paired: Device[],
  health: DeviceStatus[],
  connected: Set<string>,
): MonitorDevice[] {
  const out = new Map<string, MonitorDevice>();
  for (const d of paired) {
    if (d.revokedAt !== null) continue;
    out.set(d.id, {
      id: d.id,
      kind: d.kind,
      name: d.name,
      online: d.kind === 'board' ? null : connected.has(`device:${d.id}`),
      components: [],
    });
  }
  for (const s of health) {
    let d = out.get(s.deviceId);
    if (!d) {
      // Reported by the server itself (an LED board on the RS-485 bus) or since revoked.
      if (paired.some((p) => p.id === s.deviceId)) continue;
      out.set(
        s.deviceId,
        (d = { id: s.deviceId, kind: s.kind, name: s.deviceName, online: null, components: [] }),
      );
    }
    d.components.push(s);
  }
  for (const d of out.values()) d.components.sort((a, b) => a.component.localeCompare(b.component));
  return [...out.values()].sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name),
  );
}

function alertsOf(lines: MonitorLine[], devices: MonitorDevice[], now: Date): MonitorAlert[] {
  const alerts: MonitorAlert[] = [];
  for (const l of lines) {
    if (l.level !== 'over') continue;
    alerts.push({
      kind: 'target-missed',
      subject: l.serviceId,
      since: new Date(
        now.getTime() - (l.longestWaitMinutes - l.targetWaitMinutes) * 60_000,
      ).toISOString(),
      code: null,
      component: null,
      detail: `${l.prefix}: ${l.longestWaitMinutes} / ${l.targetWaitMinutes} min`,
    });
  }
  for (const d of devices) {
    for (const c of d.components) {
      if (c.ok) continue;
      alerts.push({
        kind: 'device-fault',
        subject: d.id,
        since: c.at,
        code: c.code ?? null,
        component: c.component,
        detail: `${d.name}: ${c.component}${c.message ? ` — ${c.message}` : ''}`,
      });
    }
    if (d.online === false) {
      alerts.push({
        kind: 'device-offline',
        subject: d.id,
        since: null,
        code: 'OFFLINE',
        component: null,
        detail: d.name,
      });
    }
  }
  return alerts;
}

/** The live monitor: lines against targets, counters, devices, alerts. */
export function monitorSnapshot(branch: Branch, sources: MonitorSources): MonitorSnapshot {
  const now = branch.now();
  const snap = branch.snapshot();
  const services = new Map<string, Service>(branch.services().map((s) => [s.id, s]));
  const lines: MonitorLine[] = snap.lines.flatMap((l) => {
    const s = services.get(l.serviceId);
    if (!s) return [];
    return [
      {
        ...l,
        names: s.names,
        prefix: s.prefix,
        targetWaitMinutes: s.targetWaitMinutes,
        level: targetLevel(l.longestWaitMinutes, s.targetWaitMinutes),
      },
    ];
  });
  const since = branch.counterStateSince();
  const counters: MonitorCounter[] = snap.counters.map((c) => {
    const from = c.ticket ? (c.ticket.startedAt ?? c.ticket.calledAt) : null;
    return {
      ...c,
      stateSince: since.get(c.id) ?? null,
      ticketMinutes: from
        ? Math.round(((now.getTime() - Date.parse(from)) / 60_000) * 10) / 10
        : null,
    };
  });
  const devices = devicesOf(sources.devices(), branch.deviceHealth(), sources.connected());
  return {
    at: now.toISOString(),
    seq: snap.seq,
    lines,
    counters,
    devices,
    alerts: alertsOf(lines, devices, now),
  };
}
