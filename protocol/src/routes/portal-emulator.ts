import { z } from 'zod';
import { PueFaults, PueOutboxMessage } from '../pue';
import { portalRoute } from './route';

/** The stand-in's own control routes (not the portal's API) and liveness. */
export const portalEmulatorRoutes = {
  emulatorOutbox: portalRoute({
    method: 'GET',
    path: '/__emulator/outbox',
    tag: 'emulator',
    summary: 'Emulator only: verification messages sent (tests and demos read codes here)',
    access: 'public',
    responses: { 200: z.object({ items: z.array(PueOutboxMessage) }) },
  }),
  emulatorFaults: portalRoute({
    method: 'GET',
    path: '/__emulator/faults',
    tag: 'emulator',
    summary: 'Emulator only: current fault switches',
    access: 'public',
    responses: { 200: PueFaults },
  }),
  setEmulatorFaults: portalRoute({
    method: 'PUT',
    path: '/__emulator/faults',
    tag: 'emulator',
    summary: 'Emulator only: merge fault switches',
    access: 'public',
    body: PueFaults,
    responses: { 200: PueFaults },
  }),
  clearEmulatorFaults: portalRoute({
    method: 'DELETE',
    path: '/__emulator/faults',
    tag: 'emulator',
    summary: 'Emulator only: all faults off',
    access: 'public',
    responses: { 200: PueFaults },
  }),
  health: portalRoute({
    method: 'GET',
    path: '/v1/health',
    tag: 'health',
    summary: 'Liveness',
    access: 'public',
    responses: { 200: z.object({ ok: z.literal(true) }) },
  }),
};
