import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isSkrError } from '@skr/protocol/errors';
import { createLedBus } from '../src/index';
import type { LedBus, LedBusOptions } from '../src/index';
import { eventually, recordingTransport, sentTo, sleep } from './led-target';
import type { LedTarget } from './led-target';
import type { LedFrame } from '@skr/protocol/led-board';

const ACK_TIMEOUT = 150;
const RETRIES = 2;

/**
 * The LED bus contract: one suite, run against the emulator always and against real boards
 * when SKR_LED_SERIAL names a port. Tests that need fault injection or a view of the board's
 * text run on the emulator only (real boards cannot be told to lose a frame).
 */
export function ledBusContract(
  makeTarget: () => Promise<LedTarget>,
  { faults }: { faults: boolean },
): void {
  let target: LedTarget;
  let bus: LedBus;
  let written: LedFrame[];

  beforeAll(async () => {
    target = await makeTarget();
  });
  afterAll(async () => {
    await target?.close();
  });
  /** Replaces the test's bus with one made with other options (the port is exclusive). */
  async function useBus(options: Partial<LedBusOptions> = {}): Promise<void> {
    await bus?.close();
    const rec = recordingTransport(target.devicePath);
    written = rec.written;
    bus = createLedBus({
      transport: rec.transport,
      ackTimeoutMs: ACK_TIMEOUT,
      retries: RETRIES,
      probeIntervalMs: 40,
      ...options,
    });
  }

  beforeEach(async () => {
    target.emulator?.setFault({ drop: 0, garble: 0, garbleReplies: 0, deadAddresses: [] });
    await useBus();
  });
  afterEach(async () => {
    await bus.close();
  });

  const [a, b] = [() => target.live[0], () => target.live[1]];
  const board = (address: number) => target.emulator?.boards.get(address);

  it('shows Polish text on a board and resolves on its ACK', async () => {
    const text = ['A123 → 7', 'Zażółć gęślą jaźń'];
    await bus.show(a(), text, { blink: true });
    expect(sentTo(written, a())).toHaveLength(1);
    expect(bus.boardStates().find((s) => s.address === a())).toMatchObject({
      alive: true,
      lastText: text.join('\n'),
    });
    if (board(a())) {
      // '→' is not in CP1250: the board draws '?', everything Polish survives.
      expect(board(a())).toMatchObject({
        lines: ['A123 ? 7', 'Zażółć gęślą jaźń'],
        blinking: true,
      });
    }
  });

  it('sends a frame only when the text changed', async () => {
    await bus.show(a(), 'A001');
    await bus.show(a(), 'A001');
    await bus.show(a(), ['A001']);
    expect(sentTo(written, a())).toHaveLength(1);
    await bus.show(a(), 'A002');
    await bus.show(a(), 'A002', { blink: true }); // a recall highlights again
    expect(sentTo(written, a())).toHaveLength(3);
  });

  it('lets newer text supersede an unsent older one', async () => {
    const first = bus.show(a(), 'B001');
    const older = bus.show(a(), 'B002');
    const newest = bus.show(a(), 'B003');
    await Promise.all([first, older, newest]);
    expect(sentTo(written, a()).map((f) => f.payload.at(-1))).toEqual([0x31, 0x33]);
    if (board(a())) expect(board(a())?.text).toBe('B003');
  });

  it('declares a silent board dead after retransmits, rejects OFFLINE, and emits board-dead', async () => {
    const deaths: number[] = [];
    bus.on('board-dead', (address) => deaths.push(address));
    const started = performance.now();
    const error = await bus.show(target.dead[0], 'C001').catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(isSkrError(error, 'OFFLINE')).toBe(true);
    expect(sentTo(written, target.dead[0])).toHaveLength(RETRIES + 1);
    expect(elapsed).toBeGreaterThanOrEqual((RETRIES + 1) * ACK_TIMEOUT - 5);
    expect(deaths).toEqual([target.dead[0]]);
    expect(bus.boardStates().find((s) => s.address === target.dead[0])?.alive).toBe(false);
    const again = await bus.show(target.dead[0], 'C002').catch((e: unknown) => e);
    expect(isSkrError(again, 'OFFLINE')).toBe(true);
  });

  it('never lets dead boards delay a live board by more than one ACK timeout', async () => {
    // A bus of its own with a longer timeout, so that a loaded CI machine cannot blur the line
    // between "one timeout" (the rule) and "two or more" (what a plain queue gives).
    const ackTimeoutMs = 300;
    await useBus({ ackTimeoutMs, probeIntervalMs: 60 });
    const dead: number[] = target.dead;
    const latencies: number[] = [];
    const showTimed = async (address: number, text: string) => {
      const before = written.length;
      const started = performance.now();
      await bus.show(address, text);
      latencies.push(performance.now() - started);
      // Structural check, free of timing: no dead board got the bus ahead of this frame.
      const mine = written.findIndex((f, i) => i >= before && f.address === address);
      expect(written.slice(before, mine).filter((f) => dead.includes(f.address))).toEqual([]);
    };
    // The live boards have answered before, as they do within seconds of the server starting.
    await Promise.all([bus.show(a(), 'D000'), bus.show(b(), 'D000')]);
    // Two silent boards with queued frames: a plain queue would make a live board wait for
    // every retransmit of both, (retries + 1) * 2 timeouts.
    const failures = [bus.show(dead[0]!, 'D001'), bus.show(dead[1]!, 'D002')].map((p) =>
      p.catch(() => 'x'),
    );
    for (let i = 0; i < 4; i++) {
      await sleep(40 + i * 150);
      await showTimed(i % 2 ? a() : b(), `D1${i}`);
    }
    await Promise.all(failures);
    // Once dead, the boards are probed every 60 ms; probes must not delay live frames either.
    for (let i = 0; i < 4; i++) {
      await sleep(45);
      await showTimed(a(), `D2${i}`);
    }
    expect(sentTo(written, dead[0]!).length).toBeGreaterThan(RETRIES + 1); // probes did happen
    expect(Math.max(...latencies)).toBeLessThan(ackTimeoutMs + 150);
  });

  it('broadcasts to every board without waiting for an ACK', async () => {
    await useBus({ ackTimeoutMs: 1000 }); // an ACK wait would show as >= 1 s, even on a busy CI
    await bus.show(a(), 'E001');
    const started = performance.now();
    await bus.broadcast('Przerwa techniczna');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(written.filter((f) => f.address === 0)).toHaveLength(2); // sent twice: nobody ACKs
    if (target.emulator) {
      const { boards } = target.emulator;
      expect(
        await eventually(() => [...boards.values()].every((s) => s.text === 'Przerwa techniczna')),
      ).toBe(true);
    }
    // The board now shows the broadcast, so the old text counts as changed again.
    await bus.show(a(), 'E001');
    expect(sentTo(written, a())).toHaveLength(2);
  });

  it('rejects pending calls with DISCONNECTED on close', async () => {
    const pending = bus.show(target.dead[0], 'F001').catch((e: unknown) => e);
    await sleep(10);
    await bus.close();
    expect(isSkrError(await pending, 'DISCONNECTED')).toBe(true);
    expect(isSkrError(await bus.show(a(), 'F002').catch((e: unknown) => e), 'DISCONNECTED')).toBe(
      true,
    );
  });

  describe.runIf(faults)('faults (emulator only)', () => {
    const emu = () => {
      if (!target.emulator) throw new Error('fault tests need the emulator');
      return target.emulator;
    };

    it('retransmits a garbled frame after the board NAKs it', async () => {
      await useBus({ ackTimeoutMs: 1000 }); // long, so that "at once" is clear even on a busy CI
      emu().setFault({ garble: 1 });
      const outcomes: string[] = [];
      // Only this board: bytes of an earlier test may still be arriving for others.
      const off = emu().onFrame((e) => e.address === a() && outcomes.push(e.outcome));
      const started = performance.now();
      await bus.show(a(), 'G001');
      off();
      expect(outcomes).toEqual(['nak', 'ack']);
      // A NAK retransmits at once, without waiting out the timeout.
      expect(performance.now() - started).toBeLessThan(1000);
      const frames = sentTo(written, a());
      expect(frames).toHaveLength(2);
      expect(frames[0]?.seq).toBe(frames[1]?.seq);
      expect(board(a())?.text).toBe('G001');
    });

    it('retransmits a lost frame after one ACK timeout', async () => {
      emu().setFault({ drop: 1 });
      const started = performance.now();
      await bus.show(a(), 'H001');
      expect(performance.now() - started).toBeGreaterThanOrEqual(ACK_TIMEOUT - 5);
      expect(sentTo(written, a())).toHaveLength(2);
      expect(board(a())?.text).toBe('H001');
    });

    it('treats a garbled ACK as lost; the board ACKs the retransmit without blinking twice', async () => {
      emu().setFault({ garbleReplies: 1 });
      const outcomes: string[] = [];
      // Only this board: bytes of an earlier test may still be arriving for others.
      const off = emu().onFrame((e) => e.address === a() && outcomes.push(e.outcome));
      await bus.show(a(), 'I001', { blink: true });
      off();
      expect(outcomes).toEqual(['ack', 'duplicate']);
      expect(board(a())).toMatchObject({ text: 'I001', blinking: true });
    });

    it('fails with NAK when every retransmit is garbled, keeping the board alive', async () => {
      emu().setFault({ garble: RETRIES + 1 });
      const error = await bus.show(a(), 'J001').catch((e: unknown) => e);
      expect(isSkrError(error, 'NAK')).toBe(true);
      expect(bus.boardStates().find((s) => s.address === a())?.alive).toBe(true);
    });

    it('probes a dead board, emits board-alive and restores its text when it returns', async () => {
      await bus.show(b(), 'K001');
      emu().setFault({ deadAddresses: [b()] });
      const dead = await bus.show(b(), 'K002').catch((e: unknown) => e);
      expect(isSkrError(dead, 'OFFLINE')).toBe(true);
      const revived: number[] = [];
      bus.on('board-alive', (address) => revived.push(address));
      board(b())!.text = ''; // it lost power
      emu().setFault({ deadAddresses: [] });
      expect(await eventually(() => revived.length > 0, 1000)).toBe(true);
      expect(revived).toEqual([b()]);
      expect(board(b())?.text).toBe('K002'); // the newest wanted text, carried by the probe
      expect(bus.boardStates().find((s) => s.address === b())).toMatchObject({
        alive: true,
        lastText: 'K002',
      });
    });

    it('reaches every board with a broadcast even if one copy is garbled', async () => {
      emu().setFault({ garble: 1 });
      await bus.broadcast(['Zamknięte', 'do 12:00']);
      const { boards } = emu();
      expect(
        await eventually(() => [...boards.values()].every((s) => s.text === 'Zamknięte\ndo 12:00')),
      ).toBe(true);
    });
  });
}
