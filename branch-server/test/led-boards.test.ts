import { createLedBus, serialLedTransport, type LedBus } from '@skr/led-board-driver';
import { startLedBoardEmulator, type LedBoardEmulator } from '@skr/hardware-mocks/led-board/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBranch, until, type TestBranch } from './harness';

// The branch drives a real LED bus over a socat pty pair to the board emulator.
let emu: LedBoardEmulator;
let bus: LedBus;
let b: TestBranch;
beforeAll(async () => {
  emu = await startLedBoardEmulator({ addresses: [1, 2, 3, 200] });
  bus = createLedBus({
    transport: serialLedTransport({ path: emu.devicePath, baudRate: 9600 }),
    ackTimeoutMs: 150,
    probeIntervalMs: 500,
  });
  // Boards 1–3 are configured; counter 4 has none (a call there must not raise an alarm).
  b = await startTestBranch({ led: { bus, layout: { hallAddress: 200, boards: [1, 2, 3] } } });
});
afterAll(async () => {
  await b.close();
  await bus.close();
  await emu.close();
});

describe('LED boards follow the calls', () => {
  it('shows the called number on the counter board and the hall board, blinking', async () => {
    const kiosk = await b.device('kiosk');
    const clerk = await b.login('urzednik2');
    await b.api('POST', '/api/v1/counters/2/open', clerk);
    const t = (await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' })).body;
    await b.api('POST', '/api/v1/counters/2/call-next', clerk);
    await until(
      () => emu.boards.get(2)!.text === t.number && emu.boards.get(200)!.text.includes(t.number),
    );
    expect(emu.boards.get(2)!.blinking).toBe(true);
    expect(emu.boards.get(200)!.lines[0]).toBe(`${t.number} - 2`);
    // Boards not involved show only what they got at start: their counter is closed.
    await until(() => emu.boards.get(3)!.text === 'NIECZYNNE');
    expect(emu.boards.get(3)!.blinking).toBe(false);
  });

  it('keeps calling when a board is dead, and reports it to the monitor', async () => {
    emu.setFault({ deadAddresses: [1] });
    const kiosk = await b.device('kiosk');
    const clerk = await b.login('urzednik1');
    await b.api('POST', '/api/v1/counters/1/open', clerk);
    const t = (await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' })).body;
    const called = await b.api('POST', '/api/v1/counters/1/call-next', clerk);
    expect(called.status).toBe(200);
    await until(() => emu.boards.get(200)!.text.includes(t.number));
    await until(() => b.branch.deviceHealth().some((d) => d.deviceId === 'led-1' && !d.ok), 10_000);
    emu.setFault({ deadAddresses: [] });
    await until(() => b.branch.deviceHealth().some((d) => d.deviceId === 'led-1' && d.ok), 10_000);
  });

  it('raises no OFFLINE alarm for a counter that has no board', async () => {
    const kiosk = await b.device('kiosk');
    const clerk = await b.login('urzednik4');
    await b.api('POST', '/api/v1/counters/4/open', clerk);
    const t = (await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'zasilki' })).body;
    expect((await b.api('POST', '/api/v1/counters/4/call-next', clerk)).status).toBe(200);
    await until(() => emu.boards.get(200)!.text.includes(t.number));
    // The bus gives up on address 4 (nobody answers) …
    await until(() => bus.boardStates().some((s) => s.address === 4 && !s.alive), 10_000);
    // … and the monitor is not told of a dead board there.
    expect(b.branch.deviceHealth().some((d) => d.deviceId === 'led-4')).toBe(false);
  });

  it("goes blank on the hall board when the day ends, so tomorrow's first call is not read as today's", async () => {
    await until(() => emu.boards.get(200)!.lines.length > 0);
    const ended = await b.api('POST', '/api/v1/manager/end-day', await b.login('kierownik'));
    expect(ended.status).toBe(200);
    await until(() => emu.boards.get(200)!.text === '' && emu.boards.get(2)!.text === 'NIECZYNNE');
  });
});
