import { isSkrError } from '@skr/protocol/errors';
import { createRng } from '../branch-server/src/sim/prng';
import { soakApi } from './branch-api';
import type { SoakBranch } from './branch-fixture';
import { demoServiceIds } from '../branch-server/src/seed/demo-branch';

const services = demoServiceIds;

/** Everything the server acknowledged, to be found again after any crash. */
export interface Acked {
  tickets: Map<string, string>;
  calls: Map<string, string>;
  documents: Set<string>;
}

/** Latencies measured by the clients (ms). */
export interface Timings {
  issue: number[];
  callNext: number[];
  /** Desk sends call-next → ticket id known, for the call → screen figure. */
  callSent: Map<string, number>;
}

export function newAcked(): Acked {
  return { tickets: new Map(), calls: new Map(), documents: new Set() };
}

export function newTimings(): Timings {
  return { issue: [], callNext: [], callSent: new Map() };
}

const pdf = Buffer.from('%PDF-1.4\n% soak\n%%EOF\n').toString('base64');

/**
 * Runs the ×10 peak hour against `url` until `stop()` says so: 6 kiosks issuing ~100 tickets a
 * second in all (6,000 an hour compressed 60×) with a document drop-off now and then, and 60
 * desks calling, starting and finishing at the same pace. Connection failures (a killed
 * server) end nothing: the loop waits and tries again; only acknowledged answers are recorded.
 */
export async function runWorkload(
  url: string,
  branch: SoakBranch,
  stop: () => boolean,
  acked: Acked,
  timings: Timings,
  opts: { seed: number; ticketsPerSecond?: number; serviceMs?: number },
): Promise<void> {
  const rng = createRng(opts.seed);
  const perKiosk = (opts.ticketsPerSecond ?? 100) / branch.kiosks.length;
  const serviceMs = opts.serviceMs ?? 600;
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const kiosk = async (token: string, k: number) => {
    const api = soakApi(url, token);
    let n = 0;
    while (!stop()) {
      const t0 = performance.now();
      try {
        if (k === 0 && n % 25 === 24) {
          const d = await api.call('submitDocument', {
            body: {
              formCode: 'Z-15A',
              fileName: `soak-${n}.pdf`,
              contentB64: pdf,
              pages: 1,
              lang: 'pl',
            },
          });
          acked.documents.add(d.documentId);
        } else {
          const r = await api.request('issueTicket', {
            body: {
              serviceId: rng.pick(services),
              ...(rng.next() < 0.05 ? { priority: 'senior' as const } : {}),
            },
          });
          if (r.status === 201) {
            acked.tickets.set(r.data.id, r.data.number);
            timings.issue.push(performance.now() - t0);
          }
        }
      } catch {
        await pause(50); // the server is down (or refused): a kiosk would retry
      }
      n += 1;
      await pause(Math.max(0, 1000 / perKiosk - (performance.now() - t0)));
    }
  };
  const desk = async (counter: number) => {
    const api = soakApi(url, branch.clerks[(counter - 1) % branch.clerks.length]!);
    // A refused start (the ticket moved on) is fine; no answer at all ends this round.
    const start = (id: string) =>
      api.call('startTicket', { params: { id } }).catch((e: unknown) => {
        if (!(isSkrError(e) && e.status !== undefined)) throw e;
      });
    while (!stop()) {
      try {
        const t0 = performance.now();
        const ticket = await api.call('callNext', { params: { id: counter } }).then(
          (r) => r?.ticket ?? null,
          (e: unknown) => {
            if (isSkrError(e, 'CONFLICT')) return 'conflict' as const;
            throw e;
          },
        );
        if (ticket === 'conflict') {
          // A ticket still only called here (e.g. the server died between call and start).
          const held = (await api.call('queueSnapshot')).counters.find(
            (c) => c.id === counter,
          )?.ticket;
          if (held?.state === 'called') await start(held.id);
        } else if (ticket) {
          acked.calls.set(ticket.id, ticket.calledAt ?? '');
          timings.callNext.push(performance.now() - t0);
          timings.callSent.set(ticket.id, t0);
          await start(ticket.id);
        }
      } catch {
        await pause(50);
      }
      await pause(rng.next() * 2 * serviceMs);
    }
  };
  await Promise.all([...branch.kiosks.map(kiosk), ...branch.counters.map(desk)]);
}
