import type { LineSummary } from '@skr/protocol';
import type { SlotAvailability, SlotsQuery } from '@skr/protocol/calendar';
import type { PublicBranchStatus, PublicServiceStatus } from '@skr/protocol/public-status';
import { localDay } from '@skr/protocol/time-zone';
import type { QueueState } from '../domain';

/** How far ahead the public page looks for the next bookable slot. */
const NEXT_SLOT_DAYS = 14;

/** What the public status is made of: the lines, the working memory and the calendar. */
export interface PublicStatusInput {
  state: QueueState;
  lines: readonly LineSummary[];
  now: Date;
  branchId: string | null;
  slots: (q: SlotsQuery) => SlotAvailability[];
  /** Services cut off for walk-ins today (issue 14). */
  walkInsClosed?: ReadonlySet<string>;
}

/** The calendar day `days` after `day` (YYYY-MM-DD, no time zone involved). */
function plusDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The earliest slot still bookable at the branch for `serviceId`, or null. */
function nextFreeSlot(input: PublicStatusInput, serviceId: string, today: string): string | null {
  const nowIso = input.now.toISOString();
  const free = input
    .slots({ serviceId, from: today, to: plusDays(today, NEXT_SLOT_DAYS) })
    .filter((s) => s.free > 0 && s.start > nowIso)
    .map((s) => s.start)
    .sort();
  return free[0] ?? null;
}

/**
 * The branch's status for anyone: per active service the people waiting, the number called
 * last, the estimated wait, the open counters serving it and the next free slot. Built only
 * from what waiting-room screens show anyway, so it carries no personal data.
 */
export function publicBranchStatus(input: PublicStatusInput): PublicBranchStatus {
  const { state, now } = input;
  const zone = state.settings.timeZone;
  const today = localDay(now, zone);
  const open = [...state.counters.values()].filter((c) => c.state === 'open');
  const services: PublicServiceStatus[] = input.lines.flatMap((line) => {
    const svc = state.services.get(line.serviceId);
    if (!svc) return [];
    const last = state.recentCalls
      .filter((t) => t.serviceId === line.serviceId && t.calledAt !== null)
      .reduce<(typeof state.recentCalls)[number] | undefined>(
        (a, t) => (a && a.calledAt! >= t.calledAt! ? a : t),
        undefined,
      );
    return [
      {
        serviceId: line.serviceId,
        names: svc.names,
        waiting: line.waiting,
        nowServing: last?.number ?? null,
        estimatedWaitMinutes: line.estimatedWaitMinutes,
        openCounters: open.filter((c) => (c.skills[line.serviceId] ?? 0) > 0).length,
        nextFreeSlot: nextFreeSlot(input, line.serviceId, today),
        walkInsClosedToday: input.walkInsClosed?.has(line.serviceId) ?? false,
      },
    ];
  });
  return {
    branchId: input.branchId,
    at: now.toISOString(),
    timeZone: zone,
    openCounters: open.length,
    services,
  };
}
