import { describe, expect, it } from 'vitest';
import type { Ticket } from '@skr/protocol';
import { scanWalkInLineEnd } from '../domain';
import { service, ticket } from '../domain/test-fixtures';
import type { CatalogRepo, TicketRepo } from '../store';
import { BranchState } from './branch-state';

// The working memory keeps the end of the walk-in line instead of scanning every waiting ticket
// at each issue. Whatever happens to the tickets, it must answer what a scan answers.

/** A small deterministic generator, so a failure repeats. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const base = Date.parse('2026-11-30T08:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('BranchState: the end of the walk-in line', () => {
  it('answers what a scan of the active tickets answers after any sequence of changes', () => {
    const state = new BranchState({} as CatalogRepo, {} as TicketRepo);
    const s = service('zasilki', 'Z');
    const rand = lcg(7);
    const live: Ticket[] = [];
    let clock = base;
    for (let step = 0; step < 3000; step += 1) {
      const r = rand();
      const pick = live[Math.floor(rand() * live.length)];
      clock += Math.floor(rand() * 5000);
      let next: Ticket;
      if (r < 0.35 || !pick) {
        // A walk-in, or a booked visit holding its booked time (left out of the line's end).
        const at = iso(clock);
        next =
          rand() < 0.2
            ? ticket(s, new Date(clock), { bookedFor: at, lineAt: at })
            : ticket(s, new Date(clock));
        live.push(next);
      } else if (r < 0.55) {
        next = { ...pick, state: 'called', calledAt: iso(clock) };
      } else if (r < 0.7) {
        // Back in line at the end, or at the front (a transfer, a recall).
        const lineAt = rand() < 0.5 ? iso(clock + 1000) : iso(base - 1000);
        next = { ...pick, state: 'waiting', lineAt, bookedFor: null };
      } else if (r < 0.85) {
        next = { ...pick, state: 'done', finishedAt: iso(clock) };
        live.splice(live.indexOf(pick), 1);
      } else {
        next = { ...pick, state: 'parked' };
      }
      if (live.includes(pick!) && next.id === pick!.id) live[live.indexOf(pick!)] = next;
      state.applyTicket(next);
      // Asked now and then, as issues do: a cache answered between changes must stay right.
      if (rand() < 0.5)
        expect(state.walkInLineEnd()).toBe(scanWalkInLineEnd(state.active.values()));
    }
    expect(state.walkInLineEnd()).toBe(scanWalkInLineEnd(state.active.values()));
  });

  it('is -Infinity with nobody waiting and moves back when the last walk-in is called', () => {
    const state = new BranchState({} as CatalogRepo, {} as TicketRepo);
    const s = service('zasilki', 'Z');
    expect(state.walkInLineEnd()).toBe(Number.NEGATIVE_INFINITY);
    const first = ticket(s, new Date(base));
    const last = ticket(s, new Date(base + 60_000));
    state.applyTicket(first);
    state.applyTicket(last);
    expect(state.walkInLineEnd()).toBe(base + 60_000);
    state.applyTicket({ ...last, state: 'called' });
    expect(state.walkInLineEnd()).toBe(base);
  });
});
