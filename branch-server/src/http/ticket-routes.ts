import { SkrError, type TicketAction } from '@skr/protocol';
import { branchApi, type RouteDef } from '@skr/protocol/routes';
import type { FastifyInstance } from 'fastify';
import { serve } from './api-route';
import type { ApiContext } from './context';

/** Each clerk action with a route of its own (transfer, with its body, is served apart). */
const actions = [
  ['recallTicket', 'recall'],
  ['startTicket', 'start'],
  ['finishTicket', 'finish'],
  ['noShowTicket', 'no-show'],
  ['parkTicket', 'park'],
  ['returnTicket', 'return'],
  ['cancelTicket', 'cancel'],
] as const satisfies readonly (readonly [keyof typeof branchApi, TicketAction])[];

/** Issuing tickets, clerk actions on them, and the public follow-the-line status. */
export async function ticketRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  const { branch } = ctx;
  // The clerk's user name: the counter ownership rule is checked against it.
  const clerkOf = (caller: { principal: string; subject: string }) =>
    caller.principal === 'clerk' ? caller.subject.replace(/^user:/, '') : undefined;

  serve(app, 'issueTicket', branchApi.issueTicket, async (req, reply, caller) => {
    const { ticket, created } = await branch.issue(req.body, caller.subject);
    // The ticket row and its event are committed (fsynced) before this answer is sent.
    return reply.status(created ? 201 : 200).send(ticket);
  });
  serve(app, 'getTicket', branchApi.getTicket, (req) => ({
    ticket: branch.ticket(req.params.id),
  }));
  for (const [name, action] of actions) {
    const def: RouteDef = branchApi[name];
    serve(app, name, def as (typeof branchApi)['recallTicket'], (req, _reply, caller) => ({
      ticket: branch.act(req.params.id, action, caller.subject, undefined, clerkOf(caller)),
    }));
  }
  serve(app, 'transferTicket', branchApi.transferTicket, (req, _reply, caller) => ({
    ticket: branch.act(req.params.id, 'transfer', caller.subject, req.body, clerkOf(caller)),
  }));
  serve(app, 'publicTicket', branchApi.publicTicket, (req) => {
    if (!/^[0-9a-f-]{36}$/.test(req.params.id)) throw new SkrError('NOT_FOUND', 'no such ticket');
    return branch.publicStatus(req.params.id);
  });
  serve(app, 'health', branchApi.health, () => ({
    // Degraded after a write failed on storage, until a write succeeds again.
    ...(branch.storageFault()
      ? { status: 'degraded' as const, storage: branch.storageFault()! }
      : { status: 'ok' as const }),
    version: ctx.version,
    seq: branch.lastSeq(),
    time: branch.now().toISOString(),
  }));
}
