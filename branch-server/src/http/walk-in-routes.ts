import { branchApi } from '@skr/protocol/routes';
import type { FastifyInstance } from 'fastify';
import { serve } from './api-route';
import type { ApiContext } from './context';

/** Walk-ins when the day is full (issue 14): the cut-off per service and the manager's override. */
export async function walkInRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  const { walkIns } = ctx.branch;
  serve(app, 'listWalkInCutoffs', branchApi.listWalkInCutoffs, () => walkIns.list());
  serve(app, 'reopenWalkIns', branchApi.reopenWalkIns, (req, _reply, caller) =>
    walkIns.reopen(req.params.serviceId, req.body.open, caller.subject),
  );
  serve(app, 'setWalkInPool', branchApi.setWalkInPool, (req, _reply, caller) =>
    walkIns.setPool(req.params.serviceId, req.body.dailyPool, caller.subject),
  );
}
