import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createRng, type Rng } from '../src/sim/prng';
import { randomBytes, randomValue } from './fuzz-gen';
import { checkBranchDb } from './fuzz-invariants';
import { connectSocket, startTestBranch, until, type TestBranch } from './harness';

// socket.io fuzz: random handshake payloads through the real client, and random Engine.IO /
// socket.io frames (valid prefixes with junk, wrong namespaces, fake acks, binary, oversized)
// over raw WebSockets. The server must stay up, keep serving a well-behaved screen, and keep
// its database consistent. Seeded (SKR_FUZZ_SEED) so a failure replays.
const SEED = Number(process.env.SKR_FUZZ_SEED ?? 20261123);
const HANDSHAKES = 300;
const CONNECTIONS = 60;
const FRAMES_PER_CONNECTION = 40;

let b: TestBranch;
let display = '';
let clerk = '';
let kiosk = '';
beforeAll(async () => {
  b = await startTestBranch({ serveApps: false });
  display = await b.device('display');
  kiosk = await b.device('kiosk');
  clerk = await b.login('urzednik1');
});
afterAll(() => b?.close());

const namespaces = ['/display', '/counter', '/kiosk', '/', '/admin', '/display/../counter', ''];

function frame(rng: Rng, tokens: string[]): string | Buffer {
  const ns = rng.pick(namespaces);
  const json = () => JSON.stringify(randomValue(rng, 2)) ?? 'null';
  switch (rng.int(9)) {
    case 0:
      return `40${ns},${JSON.stringify({ token: rng.pick(tokens), lastSeq: randomValue(rng, 0) })}`;
    case 1:
      return `40${ns},${json()}`;
    case 2:
      return `42${ns},${rng.int(100)}["queue:snapshot",${json()}]`;
    case 3:
      return `42${ns},[${JSON.stringify(String(randomValue(rng, 0)))},${json()}]`;
    case 4:
      return `4${rng.int(10)}${ns},${json()}`;
    case 5:
      return `${rng.int(10)}${json()}`;
    case 6:
      return Buffer.from(randomBytes(rng, 200));
    case 7:
      return rng.next() < 0.2 ? 'x'.repeat(1_100_000) : `2probe${json()}`;
    default:
      return `451-${ns},["queue:snapshot",{"_placeholder":true,"num":${rng.int(5)}}]`;
  }
}

describe(`socket.io fuzz (seed ${SEED})`, () => {
  it('refuses random handshakes with a clear reason and admits the right ones', async () => {
    const rng = createRng(SEED);
    let refused = 0;
    for (let i = 0; i < HANDSHAKES; i += 1) {
      const ns = rng.pick(['/display', '/counter', '/kiosk'] as const);
      const token =
        rng.next() < 0.5 ? String(randomValue(rng, 1)) : rng.pick([display, clerk, kiosk]);
      const lastSeq = rng.next() < 0.5 ? undefined : (randomValue(rng, 0) as number);
      try {
        const s = await connectSocket(b.url, ns, token, lastSeq);
        s.close();
      } catch (e) {
        refused += 1;
        expect((e as Error).message).toMatch(/token|may not|invalid|required|refused/);
      }
    }
    expect(refused).toBeGreaterThan(HANDSHAKES / 3);
    expect(refused).toBeLessThan(HANDSHAKES);
  }, 60_000);

  it('survives random Engine.IO and socket.io frames and keeps serving screens', async () => {
    const rng = createRng(SEED + 1);
    const screen = await connectSocket(b.url, '/display', display);
    const wsUrl = `${b.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`;
    let frames = 0;
    for (let c = 0; c < CONNECTIONS; c += 1) {
      const ws = new WebSocket(wsUrl);
      await new Promise<void>((resolve) => {
        ws.once('open', () => resolve());
        ws.once('error', () => resolve());
      });
      for (let f = 0; f < FRAMES_PER_CONNECTION && ws.readyState === WebSocket.OPEN; f += 1) {
        ws.send(frame(rng, [display, clerk, kiosk, 'nope', '']));
        frames += 1;
      }
      await new Promise((r) => setTimeout(r, 5));
      ws.terminate();
    }
    expect(frames).toBeGreaterThan(CONNECTIONS * 5);
    // The well-behaved screen still gets every change, and the server still answers.
    const before = screen.events.length;
    const t = await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'ogolne' });
    expect(t.status).toBe(201);
    await until(() => screen.events.length === before + 1, 3000);
    const ack = await screen.socket.timeout(2000).emitWithAck('queue:snapshot');
    expect(ack.ok).toBe(true);
    screen.close();
    expect(checkBranchDb(`${b.dir}/branch.sqlite`).problems).toEqual([]);
  }, 60_000);
});
