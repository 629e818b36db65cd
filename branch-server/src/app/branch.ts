import type { BranchEvent } from '@skr/protocol';
import { defaultPolicy, type CallingPolicy } from '../domain';
import { authRepo, bookingRepo, catalogRepo, eventLog, ticketRepo, type Db } from '../store';
import { peselHasher } from '../sync/pesel-hash';
import { adminCommands } from './admin-commands';
import { branchCommands } from './branch-commands';
import { branchQueries } from './branch-queries';
import { calendarCommands } from './use-cases/calendar-booking';
import { profileConfirmationCommands } from './use-cases/profile-confirmation';
import { calendarViews } from './use-cases/calendar-views';
import { walkInCutoffCommands } from './use-cases/walk-in-cutoffs';
import { lateArrivalCommands } from './use-cases/late-arrival';
import { scheduleEndOfDay } from './day-schedule';
import { endDay } from './use-cases';
import { BranchState } from './branch-state';
import { DeviceHealth } from './device-health';
import { projections } from './projections';
import { UnitOfWork } from './unit-of-work';
import type { UseCaseContext } from './use-cases';

/** How the branch is built: its database, clock and calling policy. */
export interface BranchOptions {
  db: Db;
  now?: () => Date;
  policy?: CallingPolicy;
  /** Base of the public follow-the-line links printed on tickets. */
  publicBaseUrl?: string;
  /**
   * Runs inside every change's transaction, after its events are logged: writes that must
   * commit or roll back with the change (the portal outbox). Throwing rolls the change back.
   */
  onCommit?: (events: BranchEvent[], db: Db) => void;
}

/**
 * The branch: its use cases (every write through one {@link UnitOfWork}) and its read side.
 * Memory is updated and events published only after a change has committed.
 */
export function createBranch(opts: BranchOptions) {
  const { db } = opts;
  const now = opts.now ?? (() => new Date());
  const tickets = ticketRepo(db);
  const catalog = catalogRepo(db);
  const log = eventLog(db);
  const state = new BranchState(catalog, tickets);
  state.load(now());
  const health = new DeviceHealth(log);
  const uow = new UnitOfWork({
    db,
    state,
    health,
    now,
    onCommit: opts.onCommit,
    onRollback: () => tickets.forgetNumbers(),
    // One ticket repository: it remembers each day's last number for the next issue.
    projections: projections(db, tickets),
  });
  const ctx: UseCaseContext = {
    uow,
    state,
    health,
    now,
    policy: opts.policy ?? defaultPolicy,
    tickets,
    bookings: bookingRepo(db),
    catalog,
    users: authRepo(db),
    hashPesel: peselHasher(db),
    publicBaseUrl: opts.publicBaseUrl ?? '',
    db,
  };
  const calendar = calendarCommands(ctx);
  const walkIns = walkInCutoffCommands(ctx, (q) => calendar.slots(q));
  ctx.walkInGate = (serviceId, at) => walkIns.gate(serviceId, at);
  const lateArrivals = lateArrivalCommands(ctx, {
    slots: (q) => calendar.slots(q),
    cutoffs: () => walkIns.list(),
    bookAs: calendar.bookAs,
  });
  const commands = branchCommands(ctx);
  return {
    ...commands,
    /** Issues or checks in; a check-in past the late window is refused with the offer (issue 14). */
    issue: (...args: Parameters<typeof commands.issue>) =>
      commands.issue(...args).catch((e: unknown) => {
        throw lateArrivals.withOffer(e);
      }),
    ...branchQueries(ctx, log),
    /** The admin's configuration use cases (see `configAdmin`). */
    admin: adminCommands(ctx),
    /** The calendar of booked visits: plan, slots, booking at the branch (issue 14). */
    calendar,
    /** Walk-ins when the day is full: cut-off per service, the manager's reopening (issue 14). */
    walkIns,
    /** A client past the late window booked at a slot today instead (issue 14). */
    lateArrivals,
    /** The calendar's reads: the manager's day view, a visit looked up before a change. */
    calendarViews: calendarViews(ctx),
    /** Online registrations confirmed at the counter against an ID (issue 16). */
    profiles: profileConfirmationCommands(ctx),
    /** Ends the branch day now (a manager's "end the day"): the actor is recorded. */
    endDay: (actor: string) => endDay(ctx, actor),
    /** Starts the end-of-day schedule (and ends a missed day at once); answers the stop. */
    scheduleEndOfDay: (opts?: Parameters<typeof scheduleEndOfDay>[1]) =>
      scheduleEndOfDay(ctx, opts),
    /** The last storage fault since the last good write, or null (for `/api/v1/health`). */
    storageFault: () => uow.storage.current(),
  };
}
/** A running branch: use cases and read side. */
export type Branch = ReturnType<typeof createBranch>;
