// Control routes of the emulator itself (not part of the portal's API): read the outbox of
// verification codes and flip fault switches from a browser or curl during a demo. They are
// exempt from the faults so a "down" portal can be brought back.
import type { FastifyInstance } from 'fastify';
import { portalApi } from '@skr/protocol/routes';
import { serve } from './api-route';
import type { PueContext } from './context';
import type { FaultSwitches } from './faults';
import { listOutbox } from './outbox';

/** Registers /__emulator/outbox, /__emulator/faults and /v1/health. */
export function registerEmulatorRoutes(
  app: FastifyInstance,
  ctx: PueContext,
  faults: FaultSwitches,
): void {
  serve(app, 'emulatorOutbox', portalApi.emulatorOutbox, () => ({ items: listOutbox(ctx) }));
  serve(app, 'emulatorFaults', portalApi.emulatorFaults, () => faults.get());
  serve(app, 'setEmulatorFaults', portalApi.setEmulatorFaults, (request) => {
    faults.set(request.body);
    return faults.get();
  });
  serve(app, 'clearEmulatorFaults', portalApi.clearEmulatorFaults, () => {
    faults.clear();
    return faults.get();
  });
  serve(app, 'health', portalApi.health, () => ({ ok: true as const }));
}
