// Dates and amounts on screen follow Polish conventions in every language (the issue asks
// for `Intl` with pl-PL): "30.11.2026", "08:15", "11.2025", "1 234,56 zł". The branch is in
// Poland and the paper uses the same forms, so screen and ticket agree.
import { createBranchClock } from '@skr/protocol/branch-clock';

/**
 * The branch's clock on the kiosk: Warsaw until the branch first answers, then the zone it is
 * configured with (use-opening.ts feeds every opening check in), so dates never follow the PC.
 */
export const kioskClock = createBranchClock();
const DATE = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;
const TIME = { hour: '2-digit', minute: '2-digit' } as const;
const amount = new Intl.NumberFormat('pl-PL', { style: 'currency', currency: 'PLN' });

/** "30.11.2026" for an ISO date or date-time, in the branch's zone. */
export function formatDate(iso: string): string {
  // A bare "YYYY-MM-DD" is a calendar day: read it at noon so no zone shifts it a day.
  const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  return kioskClock.format(at, 'pl-PL', DATE);
}

/** "08:15" for an ISO date-time, in the branch's zone. */
export function formatTime(iso: string): string {
  return kioskClock.format(iso, 'pl-PL', TIME);
}

/** "30.11.2026, 08:15" for an ISO date-time, in the branch's zone. */
export function formatDateTime(iso: string): string {
  return `${formatDate(iso)}, ${formatTime(iso)}`;
}

/** "11.2025" for a "YYYY-MM" month. */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[2]}.${m[1]}` : month;
}

/** "1 234,56 zł" for an amount in grosze. */
export function formatMoney(gr: number): string {
  return amount.format(gr / 100);
}
