import { describe, expect, it } from 'vitest';
import { sharedTestBranch } from './harness';
import { demoServiceIds } from '../src/seed/demo-branch';

// A simulated working day driven through the real HTTP API with a controlled clock.
let clock = new Date('2026-11-23T07:00:00Z'); // Monday 08:00 in Warsaw
const b = sharedTestBranch({ now: () => clock });

let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

describe('a busy day', () => {
  it('serves hundreds of clients on 12 counters with recalls, transfers, parks, priorities and bookings', async () => {
    const services = demoServiceIds;
    const kiosk = await b.device('kiosk');
    const manager = await b.login('kierownik');
    const clerks: string[] = [];
    for (let c = 1; c <= 12; c += 1) {
      clerks.push(await b.login(`urzednik${c}`));
      expect((await b.api('POST', `/api/v1/counters/${c}/open`, clerks[c - 1])).status).toBe(200);
    }
    // 40 bookings spread over the day.
    const bookings: { code: string; at: number }[] = [];
    for (let i = 0; i < 40; i += 1) {
      const at = 20 + Math.floor(rnd() * 400);
      const code = `BK${String(i).padStart(4, '0')}`;
      const bookedFor = new Date(clock.getTime() + at * 60_000).toISOString();
      expect(
        (
          await b.api('POST', '/api/v1/bookings', manager, {
            code,
            serviceId: pick(services),
            bookedFor,
          })
        ).status,
      ).toBe(201);
      bookings.push({ code, at });
    }
    type Desk = { ticket?: string; state: 'idle' | 'called' | 'serving'; until: number };
    const desks: Desk[] = Array.from({ length: 12 }, () => ({ state: 'idle', until: 0 }));
    const parked: { id: string; back: number }[] = [];
    const issued = new Set<string>();
    let calls = 0;
    for (let minute = 0; minute < 480; minute += 1) {
      clock = new Date(Date.parse('2026-11-23T07:00:00Z') + minute * 60_000);
      const rate = minute < 360 ? 1.3 : 0; // ~470 walk-ins, just under capacity at peak, then the doors close
      for (let k = 0; k < 3; k += 1) {
        if (rnd() < rate / 3) {
          const priority =
            rnd() < 0.1 ? pick(['pregnancy', 'disability', 'senior'] as const) : undefined;
          const r = await b.api('POST', '/api/v1/tickets', kiosk, {
            serviceId: pick(services),
            priority,
          });
          expect(r.status).toBe(201);
          issued.add(r.body.id);
        }
      }
      for (const bk of bookings.filter((x) => x.at - 5 === minute)) {
        const r = await b.api('POST', '/api/v1/tickets', kiosk, { bookingCode: bk.code });
        expect(r.status).toBe(201);
        issued.add(r.body.id);
      }
      for (const p of parked.filter((x) => x.back === minute)) {
        expect((await b.api('POST', `/api/v1/tickets/${p.id}/return`, clerks[0])).status).toBe(200);
      }
      for (let c = 0; c < 12; c += 1) {
        const d = desks[c]!;
        const tok = clerks[c]!;
        if (d.state === 'idle') {
          const r = await b.api('POST', `/api/v1/counters/${c + 1}/call-next`, tok);
          if (r.status === 200) {
            calls += 1;
            Object.assign(d, { ticket: r.body.ticket.id, state: 'called', until: minute + 1 });
          } else expect(r.status).toBe(204);
        } else if (d.state === 'called' && minute >= d.until) {
          const roll = rnd();
          if (roll < 0.05) {
            const r = await b.api('POST', `/api/v1/tickets/${d.ticket}/recall`, tok);
            expect(r.status).toBe(200);
            if (r.body.ticket.state === 'no-show') d.state = 'idle';
            else d.until = minute + 1;
          } else if (roll < 0.08) {
            expect((await b.api('POST', `/api/v1/tickets/${d.ticket}/no-show`, tok)).status).toBe(
              200,
            );
            d.state = 'idle';
          } else {
            expect((await b.api('POST', `/api/v1/tickets/${d.ticket}/start`, tok)).status).toBe(
              200,
            );
            Object.assign(d, { state: 'serving', until: minute + 3 + Math.floor(rnd() * 10) });
          }
        } else if (d.state === 'serving' && minute >= d.until) {
          const roll = rnd();
          if (roll < 0.03) {
            expect((await b.api('POST', `/api/v1/tickets/${d.ticket}/park`, tok)).status).toBe(200);
            parked.push({ id: d.ticket!, back: minute + 15 });
          } else if (roll < 0.08) {
            const to =
              rnd() < 0.5
                ? { serviceId: pick(services), position: 'end' }
                : { serviceId: pick(services), position: 'front' };
            expect(
              (await b.api('POST', `/api/v1/tickets/${d.ticket}/transfer`, tok, to)).status,
            ).toBe(200);
          } else {
            expect((await b.api('POST', `/api/v1/tickets/${d.ticket}/finish`, tok)).status).toBe(
              200,
            );
          }
          d.state = 'idle';
        }
      }
    }
    expect(issued.size).toBeGreaterThan(400);
    expect(calls).toBeGreaterThan(issued.size * 0.9);

    // The event log tells the whole day: contiguous sequence numbers, no ticket at two counters.
    const all = b.branch.eventsSince(0, 100_000);
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    const holder = new Map<string, number | null>();
    for (const e of all) {
      if (!e.ticket) continue;
      if (e.type === 'ticket.called') {
        expect(holder.get(e.ticket.id) ?? null).toBeNull();
        holder.set(e.ticket.id, e.ticket.counterId);
      } else if (e.ticket.state !== 'called' && e.ticket.state !== 'serving')
        holder.set(e.ticket.id, null);
    }
    const numbers = all.filter((e) => e.type === 'ticket.issued').map((e) => e.ticket!.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    // Nobody is left behind at the end of the day, and no one waited without bound.
    const q = (await b.api('GET', '/api/v1/queue', manager)).body;
    expect(q.lines.reduce((n: number, l: { waiting: number }) => n + l.waiting, 0)).toBe(0);
    const waits = all
      .filter(
        (e) =>
          e.type === 'ticket.called' && e.ticket!.transfers === 0 && e.ticket!.bookedFor === null,
      )
      .map((e) => (Date.parse(e.ticket!.calledAt!) - Date.parse(e.ticket!.issuedAt)) / 60_000);
    expect(Math.max(...waits)).toBeLessThan(120);
  }, 120_000);
});
