import type { SlotAvailability, SlotsQuery } from '@skr/protocol/calendar';
import { localDay } from '@skr/protocol/time-zone';
import {
  walkInRefusalMessage,
  type WalkInCutoff,
  type WalkInCutoffDetails,
  type WalkInCutoffList,
} from '@skr/protocol/walk-in-cutoff';
import { conflict, endOfLine, notFound, type DomainError, type RowChange } from '../../domain';
import { walkInCutoff } from '../../domain/walk-in-cutoff';
import { DAY_ENDED_KEY, poolKey, REOPEN_PREFIX, reopenKey } from '../walk-in-settings';
import type { UseCaseContext } from './context';

// The walk-in cut-off per service (issue 14): the prediction reads the live line, counters and
// service times from memory, and so the pool, the manager's reopening for today and the day's
// end (settings rows kept in memory, walk-in-settings.ts); the day's walk-in count is read from
// the tickets when a pool is set. Reopening and the pool are written through the unit of work
// with an audit entry, so who opened what, when, is on record.

/** How far ahead the refusal looks for a slot to offer instead. */
const OFFER_DAYS = 14;

/**
 * The rows that drop the manager's "open again for today" of days before `today` (ISO local
 * day): the key holds its day, so an ISO day compares as text. Run by the end of the day, so
 * the overrides never pile up.
 */
export function staleReopenings(ctx: Pick<UseCaseContext, 'state'>, today: string): RowChange[] {
  const before = `${REOPEN_PREFIX}${today}`;
  return [...ctx.state.walkInSettings.keys()]
    .filter((key) => key.startsWith(REOPEN_PREFIX) && key < before)
    .map((key) => ({ row: 'setting', key, value: null }));
}

const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The cut-off use cases; `slots` is the calendar's availability (the branch's share). */
export function walkInCutoffCommands(
  ctx: UseCaseContext,
  slots: (q: SlotsQuery) => SlotAvailability[],
) {
  const countToday = ctx.db.prepare(
    `SELECT count(*) AS n FROM tickets WHERE day = ? AND service_id = ? AND booking_code IS NULL`,
  );
  const read = (key: string) => ctx.state.walkInSettings.get(key);

  /**
   * The cut-off of one service now. `counted`: count today's walk-ins even without a pool (the
   * manager's list shows the count); the gate on every issue counts only when a pool is set,
   * since the count reads every ticket of the service today.
   */
  function cutoffOf(serviceId: string, now: Date, counted = true): WalkInCutoff {
    const { state } = ctx;
    const zone = state.settings.timeZone;
    const day = localDay(now, zone);
    const pool = read(poolKey(serviceId));
    return walkInCutoff({
      serviceId,
      now,
      waiting: state.waitingIn(serviceId),
      counters: [...state.counters.values()],
      recentServiceMinutes: state.durations.get(serviceId) ?? [],
      hours: state.hours.get(serviceId),
      timeZone: zone,
      walkInsToday:
        counted || pool !== undefined ? (countToday.get(day, serviceId) as { n: number }).n : 0,
      dailyPool: pool === undefined ? null : Number(pool),
      reopened: read(reopenKey(day, serviceId)) === 'true',
      dayEnded: read(DAY_ENDED_KEY) === day,
      joinsAt: new Date(endOfLine(state, now)),
    });
  }

  /** The nearest slot the branch can still book for the service (from `fromDay`), or null. */
  function nextSlot(serviceId: string, now: Date, fromDay = 0): SlotAvailability | null {
    const today = localDay(now, ctx.state.settings.timeZone);
    const found = slots({
      serviceId,
      from: plusDays(today, fromDay),
      to: plusDays(today, OFFER_DAYS),
    });
    return found.find((s) => s.free > 0) ?? null;
  }

  /** Writes a settings row and its audit entry in one change. */
  function record(
    serviceId: string,
    key: string,
    value: string | null,
    field: string,
    actor: string,
  ): WalkInCutoff {
    ctx.uow.run(() => {
      const now = ctx.now();
      if (!ctx.state.services.has(serviceId)) return notFound(`no service ${serviceId}`);
      const before = read(key) ?? null;
      return {
        events: [],
        rows: [
          { row: 'setting' as const, key, value },
          {
            row: 'audit' as const,
            entry: {
              at: now.toISOString(),
              actor,
              entity: 'service' as const,
              entityId: serviceId,
              action: 'update' as const,
              diff: { [field]: { before, after: value } },
            },
          },
        ],
      };
    });
    return cutoffOf(serviceId, ctx.now());
  }

  return {
    /** Every active service's cut-off now (the manager's monitor). */
    list(): WalkInCutoffList {
      const now = ctx.now();
      const services = [...ctx.state.services.values()].filter((s) => s.active);
      return {
        day: localDay(now, ctx.state.settings.timeZone),
        services: services.map((s) => cutoffOf(s.id, now)),
      };
    },

    /**
     * The refusal of a walk-in ticket of `serviceId` at `at`, or undefined when it may be
     * issued. Read inside the transaction, so the day's count includes tickets just
     * issued in the same group.
     */
    gate(serviceId: string, at: Date): DomainError | undefined {
      const c = cutoffOf(serviceId, at, false);
      if (!c.cut || !c.reason) return undefined;
      const details: WalkInCutoffDetails = {
        reason: 'walk-in-cutoff',
        serviceId,
        cutoff: c.reason,
        // Once the day has ended, none of today's slots would be kept either: from tomorrow.
        nextSlot: nextSlot(serviceId, at, c.reason === 'ended' ? 1 : 0),
      };
      return conflict(walkInRefusalMessage(c.reason, 'pl'), details);
    },

    /** Opens a cut-off service again for today (`open: false` withdraws it); audited. */
    reopen(serviceId: string, open: boolean, actor: string): WalkInCutoff {
      const day = localDay(ctx.now(), ctx.state.settings.timeZone);
      return record(
        serviceId,
        reopenKey(day, serviceId),
        open ? 'true' : null,
        'walkInsReopenedToday',
        actor,
      );
    },

    /** Sets (or with null removes) the service's daily walk-in pool; audited. */
    setPool(serviceId: string, dailyPool: number | null, actor: string): WalkInCutoff {
      const value = dailyPool === null ? null : String(dailyPool);
      return record(serviceId, poolKey(serviceId), value, 'walkInDailyPool', actor);
    },
  };
}
/** The walk-in cut-off use cases. */
export type WalkInCutoffCommands = ReturnType<typeof walkInCutoffCommands>;
