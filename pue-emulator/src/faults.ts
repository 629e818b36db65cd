// Fault switches, so the branch's outbox, retries and offline mode can be tested against a
// portal that misbehaves the ways real ones do:
// - down: every TCP connection is reset at once (as if nothing listened);
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

/** New switches, all off. `random` decides error500Rate draws (tests may fix it). */
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

/** Wires the switches into the server's connection and request lifecycle. */
export function installFaults(
  app: FastifyInstance,
  faults: FaultSwitches,
  random: () => number = Math.random,
): void {
  app.server.on('connection', (socket) => {
    if (faults.get().down) socket.destroy();
  });
  app.addHook('onRequest', async (request, reply) => {
    if (isControl(request.url)) return;
    const f = faults.get();
    if (f.down) {
      // A keep-alive connection opened before "down" was set: cut it too.
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
