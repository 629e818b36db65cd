import type { BookVisitRequest, SlotAvailability, VisitSummary } from '@skr/protocol/calendar';
import type { TransferRequest } from '@skr/protocol/http';
import type { ContactAccepted } from '@skr/protocol/notify';
import type { Lang, Service, Ticket } from '@skr/protocol/domain';
import type {
  ConfirmProfileRequest,
  RefuseProfileRequest,
  RegistrationLookup,
} from '@skr/protocol/profile-confirmation';
import { createBranchClient } from './branch-client';

/** Clerk actions on a ticket in hand or a parked ticket. */
export type DeskTicketAction = 'recall' | 'start' | 'finish' | 'no-show' | 'park' | 'return';

/** A transfer target as the transfer dialog builds it. */
export type TransferTarget = Pick<TransferRequest, 'serviceId' | 'counterId' | 'position'>;

/** A contact for a booking's confirmation as the desk takes it. */
type BookingContact = { channel: 'sms' | 'email'; address: string; lang: Lang };

/** Requests slower than this count as TIMEOUT: a clerk must not wait on a dead server. */
const TIMEOUT_MS = 8000;

/** The route of each desk action on a ticket. */
const TICKET_ROUTES = {
  recall: 'recallTicket',
  start: 'startTicket',
  finish: 'finishTicket',
  'no-show': 'noShowTicket',
  park: 'parkTicket',
  return: 'returnTicket',
} as const satisfies Record<DeskTicketAction, string>;

/** Every HTTP call the console makes, typed and validated; failures reject with SkrError. */
export function createApi(origin: string, token: () => string | undefined) {
  const client = createBranchClient(origin, token, TIMEOUT_MS);
  const at = (id: number) => ({ params: { id } });

  return {
    login: (username: string, password: string) =>
      client.call('login', { body: { username, password } }),
    logout: () => client.call('logout'),
    services: async (): Promise<Service[]> => (await client.call('listServices')).services,
    snapshot: () => client.call('queueSnapshot'),
    open: async (counterId: number) => (await client.call('openCounter', at(counterId))).counter,
    close: async (counterId: number) => (await client.call('closeCounter', at(counterId))).counter,
    pause: async (counterId: number, reason: string) =>
      (await client.call('pauseCounter', { ...at(counterId), body: { reason } })).counter,
    /** The called ticket, or null when nobody waits for this counter. */
    callNext: async (counterId: number): Promise<Ticket | null> =>
      (await client.call('callNext', at(counterId)))?.ticket ?? null,
    act: async (ticketId: string, action: DeskTicketAction): Promise<Ticket> =>
      (await client.call(TICKET_ROUTES[action], { params: { id: ticketId } })).ticket,
    transfer: async (ticketId: string, target: TransferTarget): Promise<Ticket> =>
      (await client.call('transferTicket', { params: { id: ticketId }, body: target })).ticket,
    /** Free slots of one service over the branch's days `from`..`to`. */
    slots: async (serviceId: string, from: string, to: string): Promise<SlotAvailability[]> =>
      (await client.call('listCalendarSlots', { query: { serviceId, from, to } })).slots,
    /** Books a follow-up visit for the client at the counter (channel: desk). */
    book: async (req: BookVisitRequest): Promise<VisitSummary> =>
      (await client.call('bookVisit', { body: req })).visit,
    /** Sends the booking's confirmation to a phone or e-mail and schedules its reminder. */
    bookingContact: (code: string, contact: BookingContact): Promise<ContactAccepted> =>
      client.call('putBookingContact', { params: { code }, body: contact }),
    /** A branch visit by its code and the client's PESEL (404 alike for either wrong). */
    findVisit: async (code: string, pesel: string): Promise<VisitSummary> =>
      (await client.call('findVisit', { params: { code }, body: { pesel } })).visit,
    /** Cancels a branch visit for the client at the counter. */
    cancelVisit: async (code: string, pesel: string): Promise<VisitSummary> =>
      (await client.call('cancelVisit', { params: { code }, body: { pesel } })).visit,
    /** Moves a branch visit to `start`: the old one cancelled, a new one (new code) booked. */
    rebookVisit: (code: string, pesel: string, start: string) =>
      client.call('rebookVisit', { params: { code }, body: { pesel, start } }),
    /** An online PUE registration by PESEL or login, with its days left (issue 16). */
    findRegistration: (q: RegistrationLookup) => client.call('findRegistration', { body: q }),
    /** Confirms a registration against the identity document shown. */
    confirmProfile: (req: ConfirmProfileRequest) => client.call('confirmProfile', { body: req }),
    /** Refuses a registration with a reason. */
    refuseProfile: (req: RefuseProfileRequest) => client.call('refuseProfile', { body: req }),
  };
}
/** The console's HTTP client. */
export type DeskApi = ReturnType<typeof createApi>;
