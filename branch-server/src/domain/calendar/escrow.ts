import type { BookingSide, CalendarVisit, Slot } from '@skr/protocol/calendar';
import { sideDemands, sidePlaces } from './booking-decision';
import { fitsAll, spareKeys } from './matching';
import { unitKey, type EscrowLedger } from './slots';

// Escrow: every bookable place of a slot belongs to exactly one side, and a side books only into
// its own places. Only the holder may give a place away, and it gives only places its own visits
// do not need; the receiver starts using a place only after the holder's message arrives. So a
// place is never held by both sides, whatever the network does, and the union of both sides'
// visits always fits the slot. Details and the reasoning: docs/bookings.md.

/** The places (counter ids) `side` holds in `slot` that its visits do not need. */
export function releasable(
  slot: Slot,
  visits: readonly CalendarVisit[],
  side: BookingSide,
): string[] {
  return spareKeys(sidePlaces(slot, side), sideDemands(visits, slot.start, side));
}

/** A transfer of places from the side that holds them to the other, as both sides record it. */
export interface EscrowTransfer {
  readonly start: string;
  readonly counterIds: readonly string[];
  readonly from: BookingSide;
  readonly to: BookingSide;
}

/**
 * Decided by the holder (`from`) on its own visits: up to `count` of its spare places in the
 * slot, handed to the other side. Returns the transfer, possibly empty; never a needed place.
 */
export function decideTransfer(
  slot: Slot,
  visits: readonly CalendarVisit[],
  from: BookingSide,
  count: number,
): EscrowTransfer {
  const to: BookingSide = from === 'branch' ? 'portal' : 'branch';
  const counterIds = releasable(slot, visits, from).slice(0, Math.max(0, count));
  return { start: slot.start, counterIds, from, to };
}

/**
 * Like decideTransfer, but only places that serve `serviceId`: what the other side asked for
 * when its clients found that service full. The spare set is spare as a whole, so any part of
 * it can go without unseating the holder's visits.
 */
export function decideTransferFor(
  slot: Slot,
  visits: readonly CalendarVisit[],
  from: BookingSide,
  serviceId: string,
  count: number,
): EscrowTransfer {
  const serving = new Set(
    slot.units.filter((u) => u.serviceIds.includes(serviceId)).map((u) => u.counterId),
  );
  const to: BookingSide = from === 'branch' ? 'portal' : 'branch';
  const counterIds = releasable(slot, visits, from)
    .filter((id) => serving.has(id))
    .slice(0, Math.max(0, count));
  return { start: slot.start, counterIds, from, to };
}

/** The ledger after a transfer (applied by the giver at once, by the receiver when it arrives). */
export function applyTransfer(ledger: EscrowLedger, t: EscrowTransfer): EscrowLedger {
  const next: Record<string, EscrowLedger[string]> = { ...ledger };
  for (const id of t.counterIds) next[unitKey(t.start, id)] = t.to;
  return next;
}

/**
 * True when the visits of both sides together fit the slot's bookable places: the invariant
 * escrow keeps; checked after a reconnect and by the tests.
 */
export function slotHolds(slot: Slot, visits: readonly CalendarVisit[]): boolean {
  const places = slot.units
    .filter((u) => u.owner !== 'walk-in')
    .map((u) => ({ key: u.counterId, serviceIds: u.serviceIds }));
  const all = visits
    .filter((v) => v.status === 'booked' && v.start === slot.start)
    .map((v) => ({ id: v.code, serviceId: v.serviceId }));
  return fitsAll(places, all);
}
