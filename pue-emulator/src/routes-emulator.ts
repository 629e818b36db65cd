// Control routes of the emulator itself (not part of the portal's API): read the outbox of
// verification codes and flip fault switches from a browser or curl during a demo. They are
// exempt from the faults so a "down" portal can be brought back.
import type { FastifyInstance } from 'fastify';
import { PueFaults } from '@skr/protocol';
import type { PueContext } from './context';
import type { FaultSwitches } from './faults';
import { listOutbox } from './outbox';
import { parseInput } from './validate';

/** Registers /__emulator/outbox and /__emulator/faults. */
export function registerEmulatorRoutes(
  app: FastifyInstance,
  ctx: PueContext,
  faults: FaultSwitches,
): void {
  app.get('/__emulator/outbox', async () => ({ items: listOutbox(ctx) }));
  app.get('/__emulator/faults', async () => faults.get());
  app.put('/__emulator/faults', async (request) => {
    faults.set(parseInput(PueFaults, request.body, 'faults'));
    return faults.get();
  });
  app.delete('/__emulator/faults', async () => {
    faults.clear();
    return faults.get();
  });
  app.get('/v1/health', async () => ({ ok: true }));
}
