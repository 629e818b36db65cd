import type { BookingChannel, CalendarVisit } from '@skr/protocol/calendar';
import { invalid, isRefusal, notFound, type DomainError } from '../domain-error';
import { decideCancel, decideRebook, refusal, type CalendarView } from './booking-decision';

// Cancelling and moving a visit at the branch (kiosk, desk, manager). The code alone is printed
// on a slip anyone may find, so the kiosk and the desk also need the client's PESEL (as its
// keyed hash); a wrong PESEL answers exactly like an unknown code. Visits booked online belong
// to the portal's share: only the portal cancels or moves them (escrow: only the holder frees a
// place), so the branch refuses them with a reason the client can act on.

/** Who asks to change a visit and how they prove it is theirs. */
export interface VisitChangeCaller {
  channel: BookingChannel;
  /** Keyed hash of the PESEL the caller gave, if any. */
  personKey: string | undefined;
}

/** The visit `code` if `caller` may change it, else the refusal. */
export function changeableVisit(
  visits: readonly CalendarVisit[],
  code: string,
  caller: VisitChangeCaller,
): CalendarVisit | DomainError {
  if (caller.personKey === undefined && caller.channel !== 'manager')
    return invalid('the kiosk and the desk need the PESEL of the visit’s client');
  const visit = visits.find((v) => v.code === code && v.status === 'booked');
  if (!visit || (caller.personKey !== undefined && caller.personKey !== visit.personKey))
    return notFound(`no booked visit ${code} for this person`);
  if (visit.side === 'portal')
    return refusal('portal-visit', 'a visit booked online is changed through the portal');
  return visit;
}

/** Decides a cancellation at the branch: the cancelled visit, or the refusal. */
export function decideBranchCancel(
  visits: readonly CalendarVisit[],
  code: string,
  caller: VisitChangeCaller,
  now: Date,
): { visit: CalendarVisit } | DomainError {
  const visit = changeableVisit(visits, code, caller);
  if (isRefusal(visit)) return visit;
  return decideCancel(visits, visit.code, now);
}

/** Decides moving a visit at the branch: the old visit cancelled and the new one, or the refusal. */
export function decideBranchRebook(
  view: CalendarView,
  visits: readonly CalendarVisit[],
  cmd: { code: string; newCode: string; start: string; serviceId?: string },
  caller: VisitChangeCaller,
  now: Date,
): { cancelled: CalendarVisit; visit: CalendarVisit } | DomainError {
  const visit = changeableVisit(visits, cmd.code, caller);
  if (isRefusal(visit)) return visit;
  return decideRebook(view, visits, { ...cmd, side: 'branch', channel: caller.channel }, now);
}
