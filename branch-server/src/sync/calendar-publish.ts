import { createHash } from 'node:crypto';
import {
  PortalCalendarReceipt,
  type PortalCalendar,
  type PortalWant,
} from '@skr/protocol/calendar';
import { localDay } from '@skr/protocol/time-zone';
import { calendarStore } from '../app/use-cases/calendar-store';
import { calendarWants } from '../app/use-cases/calendar-wants';
import { buildSlots, decideTransferFor, slotAt } from '../domain/calendar';
import type { Db } from '../store';
import type { PortalClient } from './portal-client';
import type { SyncStateRepo } from './sync-state';

/** Keys of the publication's state in sync_state. */
const CALENDAR_KEYS = {
  hash: 'calendar.publishedHash',
  version: 'calendar.publishedVersion',
  lastError: 'calendar.lastError',
} as const;

/** Even unchanged, the calendar goes out this often: its receipt carries the portal's wants. */
const REFRESH_MS = 5 * 60_000;

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Publishes the portal's share of the branch's calendar (escrow, docs/bookings.md) whenever it
 * differs from what the portal last applied: after a plan change, a transfer, or when a new day
 * enters the horizon. The portal's receipt lists slots where its clients found a service full;
 * the branch then hands over places its own visits do not need (the giver records the move
 * first and stops using the place at once) and publishes again. The other way round, the
 * publication carries the branch's wants and the receipt the places the portal gave back.
 */
export function calendarPublisher(
  db: Db,
  portal: PortalClient,
  state: SyncStateRepo,
  timeZone: () => string,
) {
  const store = calendarStore(db);
  const wants = calendarWants(db, timeZone);

  /** The publication for today and the horizon, or undefined without a plan. */
  function build(now: Date): Omit<PortalCalendar, 'version'> | undefined {
    const plan = store.plan();
    if (!plan) return undefined;
    const zone = timeZone();
    const from = localDay(now, zone);
    const to = addDays(from, plan.rules.horizonDays);
    const slots = buildSlots(plan, from, to, zone, store.ledger(from, to)).flatMap((s) => {
      const places = s.units
        .filter((u) => u.owner === 'portal')
        .map((u) => ({ counterId: u.counterId, serviceIds: u.serviceIds }));
      return places.length > 0 ? [{ start: s.start, day: s.day, time: s.time, places }] : [];
    });
    // The branch's wants of portal places travel with the publication (and change its hash).
    const wanted = wants.pending(now);
    return { from, to, rules: plan.rules, slots, ...(wanted.length > 0 ? { wanted } : {}) };
  }

  /** Hands over spare places of the wanted slots; returns how many places moved. */
  function give(wanted: readonly PortalWant[], now: Date): number {
    const plan = store.plan();
    if (!plan) return 0;
    const zone = timeZone();
    // One transaction: the visits read and the ledger written cannot interleave with a booking.
    return db.transaction(() => {
      let moved = 0;
      for (const w of wanted) {
        if (Date.parse(w.start) - now.getTime() < plan.rules.minLeadMinutes * 60_000) continue;
        const day = localDay(w.start, zone);
        const slot = slotAt({ plan, zone, ledger: store.ledger(day, day) }, w.start);
        if (!slot) continue;
        const t = decideTransferFor(slot, store.visitsOn(day), 'branch', w.serviceId, w.count);
        for (const id of t.counterIds) store.saveLedger(t.start, id, 'portal', day);
        moved += t.counterIds.length;
      }
      return moved;
    })();
  }

  let lastSentMs = 0;

  /**
   * Publishes when changed, when `asked` (the pull brought the portal's bookings: its clients
   * may have found slots full) or every 5 minutes (the receipt is how wants arrive); again after
   * places moved. True when sent.
   */
  async function publish(now: Date, signal?: AbortSignal, asked = false): Promise<boolean> {
    let sent = false;
    for (let round = 0; round < 2; round++) {
      const body = build(now);
      if (!body) return sent;
      const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
      const due = asked || now.getTime() - lastSentMs >= REFRESH_MS;
      if (hash === state.get(CALENDAR_KEYS.hash) && (sent || !due)) return sent;
      const version = Math.max(now.getTime(), Number(state.get(CALENDAR_KEYS.version) ?? 0) + 1);
      let receipt: PortalCalendarReceipt;
      try {
        const res = await portal.call({
          method: 'PUT',
          path: portal.branchPath('/calendar'),
          asBranch: true,
          body: { ...body, version },
          signal,
        });
        receipt = PortalCalendarReceipt.parse(res.body);
      } catch (e) {
        state.set(CALENDAR_KEYS.lastError, (e as Error).message);
        throw e;
      }
      state.set(CALENDAR_KEYS.hash, hash);
      state.set(CALENDAR_KEYS.version, String(receipt.version));
      state.set(CALENDAR_KEYS.lastError, null);
      lastSentMs = now.getTime();
      sent = true;
      // Places the portal gave back are the branch's from now on; it gave before it answered.
      const taken = wants.answered(body.wanted ?? [], receipt.given, now);
      if (give(receipt.wanted, now) + taken === 0) return sent;
    }
    return sent;
  }
  return { publish, build };
}
