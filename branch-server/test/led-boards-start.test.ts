import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLedBus, serialLedTransport, type LedBus } from '@skr/led-board-driver';
import { startLedBoardEmulator, type LedBoardEmulator } from '@skr/hardware-mocks/led-board/index';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestBranch, until, type TestBranch } from './harness';

// A board in the hall shows the queue as it stands the moment the server starts, and again when
// the serial bus comes back (an emulator restarted on the same pty path: blank boards), not only
// after the next call. Real server, real bus over a socat pty to the board emulator.
const root = mkdtempSync(join(tmpdir(), 'skr-led-start-'));
// The day so far, made once with no boards attached; every attempt of every test starts its
// server on a copy of it, with its own boards and bus, so a retry never meets what its first
// attempt called, finished or drew.
const dayDir = join(root, 'day');
const HALL = 200;
let attempts = 0;
let ptyPath = '';
let emu: LedBoardEmulator | undefined;
let bus: LedBus | undefined;
let b: TestBranch | undefined;
const numbers: string[] = [];

beforeAll(async () => {
  // Day so far, with no boards attached: counter 1 has a client in hand, counter 2 served one
  // and went on a break, counter 3 never opened.
  const first = await startTestBranch({ dir: dayDir });
  const kiosk = await first.device('kiosk');
  for (const counter of [1, 2]) {
    const clerk = await first.login(`urzednik${counter}`);
    await first.api('POST', `/api/v1/counters/${counter}/open`, clerk);
    const t = await first.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' });
    numbers.push(t.body.number);
    const called = await first.api('POST', `/api/v1/counters/${counter}/call-next`, clerk);
    expect(called.status).toBe(200);
  }
  const clerk2 = await first.login('urzednik2');
  const inHand = first.branch.view().inHand(2)!;
  expect((await first.api('POST', `/api/v1/tickets/${inHand.id}/finish`, clerk2)).status).toBe(200);
  const paused = await first.api('POST', '/api/v1/counters/2/pause', clerk2, { reason: 'przerwa' });
  expect(paused.status).toBe(200);
  await first.close(true);
}, 60_000);
beforeEach(async () => {
  const dir = join(root, `attempt-${++attempts}`);
  cpSync(dayDir, dir, { recursive: true });
  ptyPath = join(dir, 'ttyLED');
  emu = await startLedBoardEmulator({ addresses: [1, 2, 3, HALL], ptyPath });
  bus = createLedBus({
    transport: serialLedTransport({ path: ptyPath, reopenIntervalMs: 200 }),
    probeIntervalMs: 500,
  });
  b = await startTestBranch({
    dir,
    led: { bus, layout: { hallAddress: HALL, boards: [1, 2, 3] } },
  });
}, 30_000);
afterEach(async () => {
  await b?.close(true);
  await bus?.close();
  await emu?.close();
  [b, bus, emu] = [undefined, undefined, undefined];
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every board shows the day as it stood at start: two clients in hand, a break, a closed one. */
function showsStart(): boolean {
  const [t1, t2] = numbers as [string, string];
  return (
    emu!.boards.get(1)!.text === t1 &&
    emu!.boards.get(2)!.text === 'PRZERWA' &&
    emu!.boards.get(3)!.text === 'NIECZYNNE' &&
    emu!.boards.get(HALL)!.lines.join('|') === `${t2} - 2|${t1} - 1`
  );
}

describe('LED boards at server start and after the bus comes back', () => {
  it('shows every board the present state at start, before any call', async () => {
    await until(showsStart, 10_000);
    // Not new calls: nothing blinks.
    expect(emu!.boards.get(1)!.blinking).toBe(false);
    expect(emu!.boards.get(HALL)!.blinking).toBe(false);
  });

  it('shows every board the state again when the bus comes back with blank boards', async () => {
    const [t1, t2] = numbers as [string, string];
    // This attempt's server has drawn the start on its boards (the test above checks it).
    await until(showsStart, 10_000);
    // The bus is lost (socat and the boards gone) and comes back on the same path, blank.
    await emu!.close();
    const back = await startLedBoardEmulator({ addresses: [1, 2, 3, HALL], ptyPath });
    emu = back;
    expect(back.boards.get(2)!.text).toBe('');
    // The next call finds the old port dead (its write fails), the transport reopens the path,
    // and the boards get the whole present state, not only the call's two.
    const kiosk = await b!.device('kiosk');
    const clerk = await b!.login('urzednik1');
    const t3 = (await b!.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' })).body;
    const inHand = b!.branch.view().inHand(1)!;
    expect(inHand.number).toBe(t1);
    expect((await b!.api('POST', `/api/v1/tickets/${inHand.id}/finish`, clerk)).status).toBe(200);
    expect((await b!.api('POST', '/api/v1/counters/1/call-next', clerk)).status).toBe(200);
    await until(
      () =>
        back.boards.get(1)!.text === t3.number &&
        back.boards.get(2)!.text === 'PRZERWA' &&
        back.boards.get(3)!.text === 'NIECZYNNE' &&
        back.boards.get(HALL)!.lines.join('|') === `${t3.number} - 1|${t2} - 2`,
      15_000,
    );
  });
});
