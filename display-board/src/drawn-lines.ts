import type { LineSummary, Ticket } from '@skr/protocol';
import { promisedWait } from './promised-wait';

/**
 * What a screen draws of a line: its count and the promised wait as the catalogue will word it
 * ("bez czekania", "ok. 5 min", "ponad 120 min"). The longest wait, priority and booked counts
 * are not drawn, and the estimate only as far as its wording.
 */
function drawnOf(l: LineSummary): string {
  if (l.waiting === 0) return `${l.serviceId}|0`;
  const [key, { count }] = promisedWait(l.estimatedWaitMinutes);
  return `${l.serviceId}|${l.waiting}|${key}|${count}`;
}

/** Whether the line is drawn on a screen showing `only` (all services when empty). */
function shown(l: LineSummary, only: readonly string[]): boolean {
  return only.length === 0 || only.includes(l.serviceId);
}

/**
 * `next` where it draws differently from `old` on a screen showing `only`, else `old` itself
 * (the same array), so a refresh that changes nothing drawn gives React nothing to commit.
 * Where something drawn changed, lines that draw the same keep their old objects. Kept lines
 * may carry stale undrawn fields (longest wait): nothing on the screen reads them.
 */
export function keepDrawnLines(
  old: LineSummary[],
  next: LineSummary[],
  only: readonly string[],
): LineSummary[] {
  const before = new Map(old.map((l) => [l.serviceId, l]));
  let same = old.filter((l) => shown(l, only)).length === next.filter((l) => shown(l, only)).length;
  const merged = next.map((l) => {
    const had = before.get(l.serviceId);
    if (had && drawnOf(had) === drawnOf(l)) return had;
    if (shown(l, only)) same = false;
    return l;
  });
  return same ? old : merged;
}

/**
 * The lines after `ticket` was called from its line at `at`: one fewer waiting in its service,
 * as the next snapshot will say, so the call and its count are drawn in one commit. A ticket
 * whose place in line lies after `at` (a booked visit called early) was not counted; nor is a
 * line already at zero lowered. The next snapshot stays the truth and corrects any difference.
 */
export function lowerOnCall(lines: LineSummary[], ticket: Ticket, at: string): LineSummary[] {
  if (Date.parse(ticket.lineAt) > Date.parse(at)) return lines;
  const i = lines.findIndex((l) => l.serviceId === ticket.serviceId);
  const line = lines[i];
  if (!line || line.waiting === 0) return lines;
  const lowered = lines.slice();
  lowered[i] = { ...line, waiting: line.waiting - 1 };
  return lowered;
}

/**
 * Whether `a` and `b` draw the same counts (people waiting per shown line) and differ at most
 * in the wording of the estimated waits.
 */
export function sameCounts(a: LineSummary[], b: LineSummary[], only: readonly string[]): boolean {
  const counts = (lines: LineSummary[]) =>
    lines
      .filter((l) => shown(l, only))
      .map((l) => `${l.serviceId}|${l.waiting}`)
      .join(',');
  return counts(a) === counts(b);
}
