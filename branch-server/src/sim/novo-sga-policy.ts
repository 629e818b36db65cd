import { eligible, type CallingPolicy } from '../domain';

/**
 * A Novo-SGA-like ordering, the comparison point of the scheduler-quality benchmark: what an
 * open-source queue system (Novo SGA) does out of the box. Priority tickets go strictly first
 * (no mixing ratio), then everyone by line position (a booking's line position is its booked
 * time); counter skills decide only eligibility, never order; no per-service targets and no
 * starvation bound. Bookings not yet due wait for their time. This is our reading of its
 * behaviour ("priority weight, then arrival"), not a port of its code.
 */
export const novoSgaPolicy: CallingPolicy = (view) => {
  const nowIso = view.now.toISOString();
  const due = view.waiting.filter(
    (t) => t.state === 'waiting' && eligible(t, view) && t.lineAt <= nowIso,
  );
  return due.sort(
    (a, b) =>
      Number(b.priority !== null) - Number(a.priority !== null) ||
      a.lineAt.localeCompare(b.lineAt) ||
      a.id.localeCompare(b.id),
  )[0];
};
