import { IssueTicketRequest, SkrError, TicketAction, TransferRequest } from '@skr/protocol';
import type { FastifyInstance } from 'fastify';
import { allowed } from '../auth';
import { authorize } from './authorize';
import type { ApiContext } from './context';
import { parse } from './validate';

/** Issuing tickets, clerk actions on them, and the public follow-the-line status. */
export async function ticketRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  const { branch, auth } = ctx;
  app.post('/api/v1/tickets', async (req, reply) => {
    const caller = authorize(auth, req, allowed.issueTicket);
    const body = parse(IssueTicketRequest, req.body);
    const { ticket, created } = await branch.issue(body, caller.subject);
    // The ticket row and its event are committed (fsynced) before this answer is sent.
    return reply.status(created ? 201 : 200).send(ticket);
  });
  app.get<{ Params: { id: string } }>('/api/v1/tickets/:id', async (req) => {
    authorize(auth, req, allowed.ticketAction);
    return { ticket: branch.ticket(req.params.id) };
  });
  app.post<{ Params: { id: string; action: string } }>(
    '/api/v1/tickets/:id/:action',
    async (req) => {
      const caller = authorize(auth, req, allowed.ticketAction);
      const action = TicketAction.safeParse(req.params.action);
      if (!action.success) throw new SkrError('NOT_FOUND', `no ticket action ${req.params.action}`);
      const transfer = action.data === 'transfer' ? parse(TransferRequest, req.body) : undefined;
      const clerk = caller.principal === 'clerk' ? caller.subject.replace(/^user:/, '') : undefined;
      return { ticket: branch.act(req.params.id, action.data, caller.subject, transfer, clerk) };
    },
  );
  // Public and unauthenticated on purpose: the id is unguessable and the answer has no personal data.
  app.get<{ Params: { id: string } }>('/api/v1/public/tickets/:id', async (req) => {
    if (!/^[0-9a-f-]{36}$/.test(req.params.id)) throw new SkrError('NOT_FOUND', 'no such ticket');
    return branch.publicStatus(req.params.id);
  });
  app.get('/api/v1/health', async () => ({
    status: 'ok' as const,
    version: ctx.version,
    seq: branch.lastSeq(),
    time: branch.now().toISOString(),
  }));
}
