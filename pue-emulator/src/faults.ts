// Fault switches, so the branch's outbox, retries and offline mode can be tested against a
// portal that misbehaves the ways real ones do:
// - down: every request's connection is reset without an answer (as if the portal crashed);
// - slowMs: each request waits this long before it is handled;
// - error500Rate: this share of requests answers 500 before doing anything;
// - dropResponses: the request is fully handled (side effects committed) but the connection
//   is cut instead of answering, the case that makes idempotency keys necessary.
// The emulator's own control routes (/__emulator/*) are never affected.
import type { FastifyInstance } from 'fastify';
import type { PueFaults } from '@skr/protocol';
import { SkrError } from '@skr/protocol';

/** Live fault switches of one emulator. */
export interface FaultSwitches {
  /** Merges `f` into the current switches. */
  set(f: PueFaults): void;
  /** Turns every fault off. */
  clear(): void;
  /** The current switches. */
  get(): Required<PueFaults>;
}

const OFF: Required<PueFaults> = { down: false, slowMs: 0, error500Rate: 0, dropResponses: false };

/** New switches, all off. */
export function createFaultSwitches(): FaultSwitches {
  let state = { ...OFF };
  return {
    set: (f) => {
      state = {
        ...state,
        ...Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)),
      };
    },
    clear: () => {
      state = { ...OFF };
    },
    get: () => ({ ...state }),
  };
}

const isControl = (url: string) => url.startsWith('/__emulator/');

/** Wires the switches into the request lifecycle; `random` draws for error500Rate. */
export function installFaults(
  app: FastifyInstance,
  faults: FaultSwitches,
  random: () => number = Math.random,
): void {
  app.addHook('onRequest', async (request, reply) => {
    if (isControl(request.url)) return;
    const f = faults.get();
    if (f.down) {
      // Cut at the request, not at connect, so the control routes above still answer.
      reply.hijack();
      request.raw.socket.destroy();
      return;
    }
    if (f.slowMs > 0) await new Promise((resolve) => setTimeout(resolve, f.slowMs));
    if (f.error500Rate > 0 && random() < f.error500Rate) {
      throw new SkrError('INTERNAL', 'Injected fault: internal server error');
    }
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    if (!isControl(request.url) && faults.get().dropResponses) request.raw.socket.destroy();
    return payload;
  });
}
