import type { BranchEvent, QueueSnapshot, Ticket } from '@skr/protocol';
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  boardFromSnapshot,
  emptyBoard,
  sameDrawnCalls,
  visibleCalls,
  withCounts,
} from './board-state';

const AT = '2025-03-03T09:00:00.000Z';

function ticket(id: string, over: Partial<Ticket> = {}): Ticket {
  return {
    id,
    number: `A${id.padStart(3, '0')}`,
    serviceId: 'emerytury',
    day: '2025-03-03',
    state: 'called',
    priority: null,
    bookingCode: null,
    bookedFor: null,
    lang: 'pl',
    issuedAt: AT,
    lineAt: AT,
    targetCounterId: null,
    counterId: 1,
    calledAt: AT,
    startedAt: null,
    finishedAt: null,
    recalls: 0,
    transfers: 0,
    ...over,
  };
}

function ev(seq: number, type: BranchEvent['type'], t?: Ticket): BranchEvent {
  return { seq, at: AT, type, ticket: t, actor: 'user:urzednik1' };
}

function run(events: BranchEvent[]) {
  let board = emptyBoard;
  const calls = [];
  for (const e of events) {
    const r = applyEvent(board, e);
    board = r.board;
    if (r.call) calls.push(r.call);
  }
  return { board, calls };
}

describe('board state', () => {
  it('puts each call on top and a recall of the same ticket moves it up once', () => {
    const { board, calls } = run([
      ev(1, 'ticket.called', ticket('1')),
      ev(2, 'ticket.called', ticket('2', { counterId: 2 })),
      ev(3, 'ticket.recalled', ticket('1', { recalls: 1 })),
    ]);
    expect(board.calls.map((c) => [c.number, c.seq])).toEqual([
      ['A001', 3],
      ['A002', 2],
    ]);
    expect(calls.map((c) => c.seq)).toEqual([1, 2, 3]);
    expect(board.lastSeq).toBe(3);
  });

  it('ignores events already applied (an overlapping replay shows nothing twice)', () => {
    const first = run([
      ev(1, 'ticket.called', ticket('1')),
      ev(2, 'ticket.started', ticket('1', { state: 'serving' })),
    ]);
    const again = applyEvent(first.board, ev(1, 'ticket.called', ticket('1')));
    expect(again.fresh).toBe(false);
    expect(again.call).toBeUndefined();
    expect(again.board).toBe(first.board);
    expect(first.board.calls[0]!.state).toBe('serving');
  });

  it('removes a ticket that is parked, transferred, missed or cancelled', () => {
    for (const [type, state] of [
      ['ticket.parked', 'parked'],
      ['ticket.transferred', 'waiting'],
      ['ticket.no-show', 'no-show'],
      ['ticket.cancelled', 'cancelled'],
    ] as const) {
      const { board } = run([
        ev(1, 'ticket.called', ticket('1')),
        ev(2, 'ticket.called', ticket('2')),
        ev(3, type, ticket('2', { state, counterId: state === 'waiting' ? null : 1 })),
      ]);
      expect(
        board.calls.map((c) => c.number),
        type,
      ).toEqual(['A001']);
    }
  });

  it('keeps a finished ticket and treats a recall that ran out as a no-show', () => {
    const { board, calls } = run([
      ev(1, 'ticket.called', ticket('1')),
      ev(2, 'ticket.finished', ticket('1', { state: 'done' })),
      ev(3, 'ticket.called', ticket('2')),
      ev(4, 'ticket.recalled', ticket('2', { state: 'no-show' })),
    ]);
    expect(board.calls.map((c) => [c.number, c.state])).toEqual([['A001', 'done']]);
    expect(calls).toHaveLength(2);
  });

  it('builds from a snapshot, skipping tickets no longer at a counter, and keeps calls on count refresh', () => {
    const snap: QueueSnapshot = {
      seq: 40,
      at: AT,
      lines: [
        {
          serviceId: 'emerytury',
          waiting: 3,
          priorityWaiting: 0,
          longestWaitMinutes: 4,
          estimatedWaitMinutes: 12,
          bookedDue: 0,
        },
      ],
      counters: [
        {
          id: 1,
          number: 1,
          label: null,
          name: 'Stanowisko 1',
          skills: {},
          state: 'open',
          pauseReason: null,
          clerk: null,
          ticket: null,
        },
      ],
      recentCalls: [ticket('3'), ticket('2', { state: 'parked' }), ticket('1', { state: 'done' })],
      parked: [],
    };
    const board = boardFromSnapshot(snap);
    expect(board.lastSeq).toBe(40);
    expect(board.calls.map((c) => c.number)).toEqual(['A003', 'A001']);
    expect(board.counters[1]).toEqual({ sign: '1', name: 'Stanowisko 1' });
    const refreshed = withCounts(board, { ...snap, seq: 99, lines: [] });
    expect(refreshed.lastSeq).toBe(40);
    expect(refreshed.calls).toBe(board.calls);
    expect(refreshed.lines).toEqual([]);
    // A refresh that draws the same is the same board (the counters rebuilt equal are kept).
    const again = withCounts(board, { ...snap, seq: 99 });
    expect(again).toBe(board);
    // An answer older than the board would undo what it applied since: not taken.
    const later = { ...board, lastSeq: 120 };
    expect(withCounts(later, { ...snap, seq: 99, lines: [] })).toBe(later);
  });

  it('a first call lowers its line at once; a recall does not', () => {
    const lines = [
      {
        serviceId: 'emerytury',
        waiting: 2,
        priorityWaiting: 0,
        longestWaitMinutes: 1,
        estimatedWaitMinutes: 20,
        bookedDue: 0,
      },
    ];
    const called = applyEvent({ ...emptyBoard, lines }, ev(1, 'ticket.called', ticket('1')));
    expect(called.board.lines[0]!.waiting).toBe(1);
    const recalled = applyEvent(called.board, ev(2, 'ticket.recalled', ticket('1')));
    expect(recalled.board.lines).toBe(called.board.lines);
  });

  it('filters calls by the screen’s services', () => {
    const { board } = run([
      ev(1, 'ticket.called', ticket('1')),
      ev(2, 'ticket.called', ticket('2', { serviceId: 'zasilki', number: 'B002' })),
    ]);
    expect(visibleCalls(board.calls, []).map((c) => c.number)).toEqual(['B002', 'A001']);
    expect(visibleCalls(board.calls, ['emerytury']).map((c) => c.number)).toEqual(['A001']);
  });

  it('a start or finish changes nothing drawn; a call, a recall or a removal does', () => {
    const called = run([ev(1, 'ticket.called', ticket('1')), ev(2, 'ticket.called', ticket('2'))]);
    const started = applyEvent(
      called.board,
      ev(3, 'ticket.started', ticket('2', { state: 'serving' })),
    );
    expect(started.board.calls[0]!.state).toBe('serving');
    expect(sameDrawnCalls(started.board.calls, called.board.calls)).toBe(true);
    const finished = applyEvent(
      started.board,
      ev(4, 'ticket.finished', ticket('2', { state: 'done' })),
    );
    expect(sameDrawnCalls(finished.board.calls, called.board.calls)).toBe(true);
    const recalled = applyEvent(
      finished.board,
      ev(5, 'ticket.recalled', ticket('1', { recalls: 1 })),
    );
    expect(sameDrawnCalls(recalled.board.calls, finished.board.calls)).toBe(false);
    const parked = applyEvent(
      recalled.board,
      ev(6, 'ticket.parked', ticket('1', { state: 'parked' })),
    );
    expect(sameDrawnCalls(parked.board.calls, recalled.board.calls)).toBe(false);
  });

  it('keeps the counters object when a counter event leaves its sign and name as they were', () => {
    const counter = { id: 1, name: 'Stanowisko 1', number: 1, label: null } as never;
    const first = applyEvent(emptyBoard, { ...ev(1, 'counter.opened'), counter });
    const again = applyEvent(first.board, { ...ev(2, 'counter.paused'), counter });
    expect(again.board.counters).toBe(first.board.counters);
  });
});
