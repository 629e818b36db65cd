import type { Counter, Ticket } from '@skr/protocol';
import { describe, expect, it } from 'vitest';
import { ledBoardTexts } from './led-board-state';

const counter = (id: number, state: Counter['state'], label: string | null = null): Counter => ({
  id,
  number: id,
  label,
  name: `Stanowisko ${id}`,
  skills: { emerytury: 1 },
  state,
  pauseReason: state === 'paused' ? 'przerwa' : null,
  clerk: state === 'closed' ? null : `urzednik${id}`,
});

const call = (number: string, counterId: number, state: Ticket['state'] = 'done'): Ticket => ({
  id: `t-${number}`,
  number,
  serviceId: 'emerytury',
  day: '2026-12-01',
  state,
  priority: null,
  bookingCode: null,
  bookedFor: null,
  lang: 'pl',
  issuedAt: '2026-12-01T08:00:00Z',
  lineAt: '2026-12-01T08:00:00Z',
  targetCounterId: null,
  counterId,
  calledAt: '2026-12-01T08:05:00Z',
  startedAt: null,
  finishedAt: null,
  recalls: 0,
  transfers: 0,
});

/** A queue view with `counters` and the latest calls (newest first). */
function view(counters: Counter[], recentCalls: Ticket[]) {
  return {
    counters: new Map(counters.map((c) => [c.id, c])),
    recentCalls,
    inHand: (id: number) =>
      recentCalls.find(
        (t) => t.counterId === id && (t.state === 'called' || t.state === 'serving'),
      ),
  };
}

describe('ledBoardTexts', () => {
  it('shows each counter its ticket in hand, blank, NIECZYNNE or PRZERWA, and the hall its two latest calls', () => {
    const state = ledBoardTexts(
      view(
        [counter(1, 'open'), counter(2, 'open', 'T2'), counter(3, 'paused'), counter(4, 'closed')],
        [call('A003', 1, 'serving'), call('A002', 2), call('A001', 3)],
      ),
      (c) => c.number,
    );
    expect(state.counters).toEqual([
      { address: 1, text: 'A003' },
      { address: 2, text: '' },
      { address: 3, text: 'PRZERWA' },
      { address: 4, text: 'NIECZYNNE' },
    ]);
    expect(state.hall).toEqual(['A003 - 1', 'A002 - T2']);
  });

  it('leaves out counters without a board and keeps the hall blank while every counter is closed', () => {
    const state = ledBoardTexts(
      view([counter(1, 'closed'), counter(2, 'closed')], [call('A001', 1)]),
      (c) => (c.id === 1 ? 11 : undefined),
    );
    expect(state.counters).toEqual([{ address: 11, text: 'NIECZYNNE' }]);
    expect(state.hall).toEqual([]);
  });
});
