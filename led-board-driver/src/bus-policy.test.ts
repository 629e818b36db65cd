import { describe, expect, it } from 'vitest';
import { isSkrError } from '@skr/protocol/errors';
import { newBoard, nextProbeTime, pickTurn } from './board-state';
import type { Board } from './board-state';
import { applyReply, textJob } from './reply-policy';

const policy = { retries: 2, probeIntervalMs: 1000, now: 5000 };

function board(address: number, patch: Partial<Board> = {}): Board {
  return { ...newBoard(address), ...patch };
}

describe('pickTurn', () => {
  it('serves proven boards first, then unproven, then retransmits, then due probes', () => {
    const job = () => textJob('x', false);
    const boards = [
      board(1, { alive: false, nextProbeAt: 0 }),
      board(2, { job: job(), failures: 1, heard: true }),
      board(3, { job: job() }),
      board(4, { job: job(), heard: true }),
    ];
    expect(pickTurn(boards, 0, 0)).toMatchObject({ board: { address: 4 }, kind: 'send' });
    boards[3]!.job = undefined;
    expect(pickTurn(boards, 0, 0)).toMatchObject({ board: { address: 3 }, kind: 'send' });
    boards[2]!.job = undefined;
    expect(pickTurn(boards, 0, 0)).toMatchObject({ board: { address: 2 }, kind: 'retry' });
    boards[1]!.job = undefined;
    expect(pickTurn(boards, 0, 0)).toMatchObject({ board: { address: 1 }, kind: 'probe' });
    expect(pickTurn(boards, 0, -1)).toBeUndefined(); // probe not due yet
    expect(nextProbeTime(boards)).toBe(0);
  });

  it('round-robins within a tier, starting after the cursor', () => {
    const boards = [1, 2, 3].map((a) => board(a, { job: textJob('x', false), heard: true }));
    expect(pickTurn(boards, 1, 0)?.board.address).toBe(2);
    expect(pickTurn(boards, 3, 0)?.board.address).toBe(1);
  });
});

describe('applyReply', () => {
  it('settles the job on ACK and records the text', () => {
    const b = board(1);
    const job = (b.job = textJob('A1', true));
    expect(applyReply(b, job, { kind: 'ack' }, policy)).toEqual({ settle: { job } });
    expect(b).toMatchObject({ job: undefined, lastText: 'A1', confirmedText: 'A1', heard: true });
  });

  it('keeps a newer job pending when the superseded one is ACKed', () => {
    const b = board(1);
    const old = textJob('A1', false);
    b.job = textJob('A2', false);
    expect(applyReply(b, old, { kind: 'ack' }, policy)).toEqual({});
    expect(b.job?.text).toBe('A2');
    expect(b.confirmedText).toBe('A1');
  });

  it('declares a board dead after retries + 1 timeouts, keeps its text for the probe', () => {
    const b = board(1);
    const job = (b.job = textJob('A1', false));
    expect(applyReply(b, job, { kind: 'timeout' }, policy)).toEqual({});
    expect(applyReply(b, job, { kind: 'timeout' }, policy)).toEqual({});
    const effects = applyReply(b, job, { kind: 'timeout' }, policy);
    expect(effects.event).toBe('board-dead');
    expect(isSkrError(effects.settle?.error, 'OFFLINE')).toBe(true);
    expect(b).toMatchObject({ alive: false, nextProbeAt: 6000, job });
  });

  it('revives a dead board on any answer', () => {
    const b = board(1, { alive: false });
    expect(applyReply(b, undefined, { kind: 'ack' }, policy)).toEqual({ event: 'board-alive' });
    expect(b.alive).toBe(true);
  });

  it('gives up at once on a NAK that a retransmit cannot fix', () => {
    const b = board(1);
    const job = (b.job = textJob('A1', false));
    const effects = applyReply(b, job, { kind: 'nak', reason: 'BAD_PAYLOAD' }, policy);
    expect(isSkrError(effects.settle?.error, 'NAK')).toBe(true);
    expect(b.alive).toBe(true);
  });
});
