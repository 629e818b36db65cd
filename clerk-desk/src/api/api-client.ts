import {
  LoginResponse,
  QueueSnapshot,
  ServicesResponse,
  TicketResponse,
  type TransferRequest,
} from '@skr/protocol/http';
import { Counter, type Service, type Ticket } from '@skr/protocol/domain';
import { ApiFailure, createCall, type Schema } from './http-call';

export { ApiFailure };

/** Clerk actions on a ticket in hand or a parked ticket. */
export type DeskTicketAction = 'recall' | 'start' | 'finish' | 'no-show' | 'park' | 'return';

/** A transfer target as the transfer dialog builds it. */
export type TransferTarget = Pick<TransferRequest, 'serviceId' | 'counterId' | 'position'>;

/** Requests slower than this count as TIMEOUT: a clerk must not wait on a dead server. */
const TIMEOUT_MS = 8000;

const CounterResponse: Schema<{ counter: Counter }> = {
  safeParse: (v) => {
    const c = Counter.safeParse((v as { counter?: unknown } | null)?.counter);
    return c.success ? { success: true, data: { counter: c.data } } : { success: false };
  },
};

/** Every HTTP call the console makes, typed and validated; failures reject with ApiFailure. */
export function createApi(origin: string, token: () => string | undefined) {
  const call = createCall(origin, token, TIMEOUT_MS);
  const counterAction = async (id: number, action: string, body: unknown = {}) =>
    (await call(CounterResponse, 'POST', `/api/v1/counters/${id}/${action}`, body))!.counter;
  const ticketCall = async (id: string, action: string, body: unknown = {}): Promise<Ticket> =>
    (await call(TicketResponse, 'POST', `/api/v1/tickets/${id}/${action}`, body))!.ticket;

  return {
    login: async (username: string, password: string) =>
      (await call(LoginResponse, 'POST', '/api/v1/auth/login', { username, password }))!,
    logout: () => call(null, 'POST', '/api/v1/auth/logout'),
    services: async (): Promise<Service[]> =>
      (await call(ServicesResponse, 'GET', '/api/v1/services'))!.services,
    snapshot: async () => (await call(QueueSnapshot, 'GET', '/api/v1/queue'))!,
    open: (counterId: number) => counterAction(counterId, 'open'),
    close: (counterId: number) => counterAction(counterId, 'close'),
    pause: (counterId: number, reason: string) => counterAction(counterId, 'pause', { reason }),
    /** The called ticket, or null when nobody waits for this counter. */
    callNext: async (counterId: number): Promise<Ticket | null> =>
      (await call(TicketResponse, 'POST', `/api/v1/counters/${counterId}/call-next`, {}))?.ticket ??
      null,
    act: (ticketId: string, action: DeskTicketAction) => ticketCall(ticketId, action),
    transfer: (ticketId: string, target: TransferTarget) =>
      ticketCall(ticketId, 'transfer', target),
  };
}
/** The console's HTTP client. */
export type DeskApi = ReturnType<typeof createApi>;
