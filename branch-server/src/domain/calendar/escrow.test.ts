import { CalendarPlan, type BookingSide, type CalendarVisit } from '@skr/protocol/calendar';
import { describe, expect, it } from 'vitest';
import { isRefusal } from '../domain-error';
import { decideBooking, decideCancel, type CalendarView } from './booking-decision';
import { visit, ZONE } from './calendar-fixtures';
import { applyTransfer, decideTransfer, decideTransferFor, releasable, slotHolds } from './escrow';
import { buildSlots, type EscrowLedger } from './slots';

const DAY = '2026-12-04';
const NOW = new Date('2026-12-01T08:00:00Z');

/** mulberry32: the domain may not import the simulator's generator, and a seed replays a case. */
function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const SERVICES = ['a', 'b', 'c'];

/** A random one-hour plan on Friday: 2–6 counters with random services and shares. */
function randomPlan(r: (n: number) => number): CalendarPlan {
  const n = 2 + r(5);
  const blocks = Array.from({ length: n }, (_, i) => ({
    weekday: 5,
    from: '09:00',
    to: '10:00',
    counterId: `c${String(i)}`,
    serviceIds: SERVICES.filter(() => r(2) === 1).concat(SERVICES[r(3)] ?? 'a'),
  }));
  return CalendarPlan.parse({
    blocks,
    walkInSharePercent: r(4) * 10,
    portalSharePercent: r(11) * 10,
  });
}

/** One side's replica: its own ledger and the visits it has heard of. */
interface Replica {
  ledger: EscrowLedger;
  visits: CalendarVisit[];
  inbox: (() => void)[];
}

describe('escrow between branch and portal', () => {
  it('gives away only places its visits do not need', () => {
    const plan = CalendarPlan.parse({
      blocks: [
        { weekday: 5, from: '09:00', to: '09:30', counterId: 'c1', serviceIds: ['a'] },
        { weekday: 5, from: '09:00', to: '09:30', counterId: 'c2', serviceIds: ['a', 'b'] },
        { weekday: 5, from: '09:00', to: '09:30', counterId: 'c3', serviceIds: ['b'] },
      ],
      walkInSharePercent: 0,
      portalSharePercent: 0,
    });
    const [slot] = buildSlots(plan, DAY, DAY, ZONE);
    if (!slot) throw new Error('no slot');
    const b = visit({ code: 'B', serviceId: 'b', start: slot.start });
    // One "b" visit can sit at c2 or c3: one of them and c1 are spare.
    expect(releasable(slot, [b], 'branch')).toHaveLength(2);
    const a = visit({ code: 'A', serviceId: 'a', start: slot.start });
    expect(releasable(slot, [a, b], 'branch')).toHaveLength(1);
    const t = decideTransfer(slot, [a, b], 'branch', 5);
    expect(t.counterIds).toHaveLength(1);
    const [after] = buildSlots(plan, DAY, DAY, ZONE, applyTransfer({}, t));
    expect(after?.units.filter((u) => u.owner === 'portal')).toHaveLength(1);
    expect(after && slotHolds(after, [a, b])).toBe(true);
  });

  it('never overbooks a slot, whatever the interleaving of bookings, cancels, transfers and partitions', () => {
    let cases = 0;
    let givenBack = 0;
    const broken: string[] = [];
    for (let seed = 1; seed <= 100; seed++) {
      const r = rng(seed);
      const plan = randomPlan(r);
      const replicas: Record<BookingSide, Replica> = {
        branch: { ledger: {}, visits: [], inbox: [] },
        portal: { ledger: {}, visits: [], inbox: [] },
      };
      const other = (s: BookingSide): BookingSide => (s === 'branch' ? 'portal' : 'branch');
      const all: CalendarVisit[] = [];
      let connected = true;
      let n = 0;
      const truth = buildSlots(plan, DAY, DAY, ZONE);
      for (let step = 0; step < 50; step++) {
        const side: BookingSide = r(2) === 0 ? 'branch' : 'portal';
        const me = replicas[side];
        const start = truth[r(truth.length)]?.start;
        const op = r(10);
        if (op === 0) connected = !connected;
        if (connected) {
          // Deliver everything in flight: messages arrive late, never lost for good.
          for (const s of ['branch', 'portal'] as const)
            replicas[s].inbox.splice(0).forEach((f) => f());
        }
        // The side acts on its ledger as it is after the deliveries (a give-back just made
        // included): each side's writes are serialized, as its database serializes them.
        const view: CalendarView = { plan, zone: ZONE, ledger: me.ledger };
        const slot = buildSlots(plan, DAY, DAY, ZONE, me.ledger).find((x) => x.start === start);
        if (!slot) continue;
        if (op <= 5) {
          const code = `${side[0] ?? ''}${String(n++)}`;
          const serviceId = SERVICES[r(3)] ?? 'a';
          const res = decideBooking(
            view,
            me.visits,
            {
              code,
              personKey: `p${String(r(40))}`,
              serviceId,
              start: slot.start,
              side,
              channel: side === 'portal' ? 'portal' : 'kiosk',
            },
            NOW,
          );
          if (isRefusal(res)) {
            // Full at the branch while it sees spare portal places: a want goes with the next
            // publication; the portal gives from its own ledger and visits, recording the move
            // first, and the answer lets the branch use the places when it lands.
            const full = res.details?.reason === 'full' && side === 'branch';
            const spare = decideTransferFor(slot, me.visits, 'portal', serviceId, 1);
            if (full && spare.counterIds.length > 0)
              replicas.portal.inbox.push(() => {
                const portal = replicas.portal;
                const held = buildSlots(plan, DAY, DAY, ZONE, portal.ledger);
                const at = held.find((x) => x.start === slot.start);
                if (!at) return;
                const t = decideTransferFor(at, portal.visits, 'portal', serviceId, 1 + r(2));
                portal.ledger = applyTransfer(portal.ledger, t);
                givenBack += t.counterIds.length;
                replicas.branch.inbox.push(
                  () => (replicas.branch.ledger = applyTransfer(replicas.branch.ledger, t)),
                );
              });
            continue;
          }
          me.visits.push(res.visit);
          all.push(res.visit);
          replicas[other(side)].inbox.push(() => replicas[other(side)].visits.push(res.visit));
        } else if (op <= 7) {
          const mine = me.visits.filter((v) => v.status === 'booked');
          const target = mine[r(Math.max(1, mine.length))];
          if (!target) continue;
          const res = decideCancel(me.visits, target.code, NOW);
          if (isRefusal(res)) continue;
          const cancel = (list: CalendarVisit[]) => {
            const i = list.findIndex((v) => v.code === target.code);
            if (i >= 0) list[i] = res.visit;
          };
          cancel(me.visits);
          cancel(all);
          replicas[other(side)].inbox.push(() => cancel(replicas[other(side)].visits));
        } else {
          // The holder gives spare places; the receiver may use them only once the message lands.
          const t = decideTransfer(slot, me.visits, side, 1 + r(3));
          me.ledger = applyTransfer(me.ledger, t);
          const to = replicas[t.to];
          to.inbox.push(() => (to.ledger = applyTransfer(to.ledger, t)));
        }
        // The true slot: every place held by the side that last received it, i.e. never by both.
        for (const s of truth) {
          const booked = all.filter((v) => v.start === s.start && v.status === 'booked');
          const bookable = s.units.filter((u) => u.owner !== 'walk-in').length;
          if (booked.length > bookable || !slotHolds(s, all))
            broken.push(`seed ${String(seed)} step ${String(step)} slot ${s.time}`);
        }
        cases++;
      }
    }
    expect(broken).toEqual([]);
    expect(cases).toBeGreaterThan(2_000);
    // The reverse move happened, not only the branch's gifts.
    expect(givenBack).toBeGreaterThan(20);
  });
});
