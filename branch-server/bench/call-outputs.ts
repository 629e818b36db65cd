// Call → announcement audio available, and call → LED frame on the wire (issue "Calling
// clients"): a real branch server with the espeak-ng announcer (segments pre-rendered, as at
// start-up) and an LED bus over a socat pty to the board emulator.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createLedBus, serialLedTransport } from '@skr/led-board-driver';
import { startLedBoardEmulator } from '@skr/hardware-mocks/led-board/index';
import { announcementId } from '@skr/protocol';
import { createAnnouncer, pickEngine } from '../src/announcer';
import { callApi, startTestBranch } from '../test/harness';
import { summary } from './stats';

export async function benchCallOutputs(opts: { calls?: number } = {}) {
  const calls = opts.calls ?? 100;
  const dir = mkdtempSync(join(tmpdir(), 'skr-bench-out-'));
  const engine = await pickEngine();
  const announcer = createAnnouncer({ engine, cacheDir: join(dir, 'audio'), langs: ['pl'] });
  const emu = await startLedBoardEmulator({ addresses: [6, 200] });
  const bus = createLedBus({
    transport: serialLedTransport({ path: emu.devicePath, baudRate: 9600 }),
  });
  const b = await startTestBranch({ dir, announcer, led: { bus, layout: { hallAddress: 200 } } });
  try {
    // The day's segments are pre-rendered at start-up; do the same for the numbers used here.
    await announcer.prerender({
      prefixes: ['C'],
      maxNumber: calls + 5,
      counters: [6],
      langs: ['pl'],
    });
    const kiosk = await b.device('kiosk');
    const display = await b.device('display');
    const clerk = await b.login('urzednik6');
    await callApi(b.url, 'POST', '/api/v1/counters/6/open', clerk);
    // Counter 6 serves skladki (prefix C); its board has address 6, the hall board 200.
    const led: number[] = [];
    const audio: number[] = [];
    for (let i = 0; i < calls; i += 1) {
      const t = (await callApi(b.url, 'POST', '/api/v1/tickets', kiosk, { serviceId: 'skladki' }))
        .body;
      let onWire!: (at: number) => void;
      const wire = new Promise<number>((r) => (onWire = r));
      const off = emu.onFrame((ev) => {
        if (emu.boards.get(6)!.text === t.number && emu.boards.get(200)!.text.includes(t.number))
          onWire(performance.now());
        void ev;
      });
      const t0 = performance.now();
      const r = await callApi(b.url, 'POST', '/api/v1/counters/6/call-next', clerk);
      if (r.status !== 200) throw new Error(`call failed ${r.status}`);
      const res = await fetch(`${b.url}/api/v1/audio/${announcementId('pl', t.number, 6)}.wav`, {
        headers: { authorization: `Bearer ${display}` },
      });
      await res.arrayBuffer();
      audio.push(performance.now() - t0);
      led.push((await wire) - t0);
      off();
      await callApi(b.url, 'POST', `/api/v1/tickets/${r.body.ticket.id}/finish`, clerk);
    }
    return { engine: engine.id, callToAudioMs: summary(audio), callToLedFrameMs: summary(led) };
  } finally {
    await b.close();
    await announcer.close();
    await bus.close();
    await emu.close();
    await engine.close?.();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printCallOutputs(r: Awaited<ReturnType<typeof benchCallOutputs>>): void {
  console.log('Call outputs');
  console.log(
    `  call → announcement audio fetched by a screen (${r.engine}, cached): p50 ${r.callToAudioMs.p50} ms, p99 ${r.callToAudioMs.p99} ms (goal p99 ≤ 50 ms)`,
  );
  console.log(
    `  call → counter and hall LED boards show the number (frames on the wire at 9,600 bps): p50 ${r.callToLedFrameMs.p50} ms, p99 ${r.callToLedFrameMs.p99} ms`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printCallOutputs(await benchCallOutputs());
}
