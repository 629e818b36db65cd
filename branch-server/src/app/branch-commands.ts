import type {
  DeviceStatusReport,
  IssueTicketRequest,
  PueBookingChanges,
  TicketAction,
  TransferRequest,
} from '@skr/protocol';
import type { CounterCaller } from '../domain';
import * as uc from './use-cases';
import type { UseCaseContext } from './use-cases';

/** The branch's queue use cases, each a module under `use-cases/`, all through one pipeline. */
export function branchCommands(ctx: UseCaseContext) {
  return {
    /** Issues a walk-in ticket or checks in a booking; resolves once it is on disk. */
    issue: (req: IssueTicketRequest, actor: string | null) => uc.issueTicket(ctx, req, actor),
    /** Opens a counter for the signed-in clerk; `caller` is held to the ownership rule. */
    openCounter: (id: number, clerk: string | null, actor: string | null, caller?: CounterCaller) =>
      uc.changeCounter(ctx, { counterId: id, change: 'open', clerk, actor, caller }),
    /** Closes a counter (its clerk, or a manager stepping in). */
    closeCounter: (id: number, actor: string | null, caller?: CounterCaller) =>
      uc.changeCounter(ctx, { counterId: id, change: 'close', actor, caller }),
    /** Pauses a counter (its clerk, or a manager stepping in). */
    pauseCounter: (id: number, reason: string, actor: string | null, caller?: CounterCaller) =>
      uc.changeCounter(ctx, { counterId: id, change: 'pause', reason, actor, caller }),
    /** Calls the next ticket to a counter; undefined when nobody waits for it. */
    callNext: (counterId: number, actor: string | null, caller?: CounterCaller) =>
      uc.callNext(ctx, counterId, actor, caller),
    /** Applies a clerk's action to a ticket; a clerk acts only at their own counter. */
    act: (
      id: string,
      action: TicketAction,
      actor: string | null,
      transfer?: TransferRequest,
      clerk?: string,
    ) => uc.ticketAction(ctx, id, action, actor, transfer, clerk),
    /** Records a device's health report; publishes `device.status` when it changed. */
    reportDeviceStatus: (
      device: { id: string; name: string; kind: string },
      report: DeviceStatusReport,
      actor: string,
    ) => uc.reportDeviceStatus(ctx, device, report, actor),
    /** Caches a booking made at the central portal. */
    addBooking: (code: string, serviceId: string, bookedFor: string, actor: string | null) =>
      uc.addBooking(ctx, code, serviceId, bookedFor, actor),
    /** Writes a page of the portal's booking feed (cache, calendar, cursor); answers the count. */
    applyBookingPage: (page: PueBookingChanges) => uc.applyBookingPage(ctx, page),
    /** Drops cached visits long past and the PESEL hashes of those kept. */
    pruneBookingCache: () => uc.pruneBookingCache(ctx),
  };
}
