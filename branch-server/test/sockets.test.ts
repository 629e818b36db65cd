import type { DisplayConfig } from '@skr/protocol';
import type { BranchTime } from '@skr/protocol/branch-clock';
import { io as ioClient } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectSocket,
  startTestBranch,
  until,
  type BranchSocket,
  type TestBranch,
} from './harness';

const open: TestBranch[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

describe('socket.io namespaces', () => {
  it('refuses a missing or wrong token and the wrong role', async () => {
    const b = await startTestBranch();
    open.push(b);
    await expect(connectSocket(b.url, '/display', 'nope')).rejects.toThrow(/invalid/);
    const kiosk = await b.device('kiosk');
    await expect(connectSocket(b.url, '/counter', kiosk)).rejects.toThrow(/may not/);
    const s = await connectSocket(b.url, '/kiosk', kiosk);
    s.close();
  });

  it('sends a snapshot, then every change in sequence, without booking codes to screens', async () => {
    const b = await startTestBranch();
    open.push(b);
    const display = await b.socket('/display', await b.device('display'));
    await until(() => display.snapshots.length === 1);
    expect(display.snapshots[0]!.counters).toHaveLength(12);
    const desk = await b.socket('/counter', await b.login('urzednik1'));
    const seenDisplay = display.events;
    const seenDesk = desk.events;
    const manager = await b.login('kierownik');
    await b.api('POST', '/api/v1/bookings', manager, {
      code: 'ABCDEF',
      serviceId: 'emerytury',
      bookedFor: new Date().toISOString(),
    });
    const kiosk = await b.device('kiosk');
    await b.api('POST', '/api/v1/tickets', kiosk, { bookingCode: 'ABCDEF' });
    const clerk = await b.login('urzednik1');
    await b.api('POST', '/api/v1/counters/1/open', clerk);
    await b.api('POST', '/api/v1/counters/1/call-next', clerk);
    await until(() => seenDisplay.length === 4 && seenDesk.length === 4);
    expect(seenDisplay.map((e) => e.type)).toEqual([
      'booking.created',
      'ticket.issued',
      'counter.opened',
      'ticket.called',
    ]);
    const seqs = seenDisplay.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seenDisplay[3]!.ticket!.bookingCode).toBeNull();
    expect(seenDesk[3]!.ticket!.bookingCode).toBe('ABCDEF');
    const ack = await display.socket.timeout(2000).emitWithAck('queue:snapshot');
    expect(ack.ok && ack.data.seq).toBe(seqs[3]);
  });

  it('replays what a screen missed, also across a server restart', async () => {
    const first = await startTestBranch();
    const token = await first.device('display');
    const kiosk = await first.device('kiosk');
    const s1 = await first.socket('/display', token);
    const seen = s1.events;
    await first.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'ogolne' });
    await until(() => seen.length === 1);
    const lastSeq = seen[0]!.seq;
    s1.close();
    // Missed while offline: two tickets, then the server goes down and comes back.
    await first.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'ogolne' });
    await first.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'ogolne' });
    await first.close(true);
    const second = await startTestBranch({ dir: first.dir });
    open.push(second);
    await second.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'ogolne' });
    const s2 = await connectSocket(second.url, '/display', token, lastSeq);
    const replay = s2.events;
    await until(() => s2.resumed.length === 1);
    expect(s2.snapshots).toHaveLength(0);
    expect(s2.resumed[0]).toEqual({ fromSeq: lastSeq, toSeq: lastSeq + 3 });
    expect(replay.map((e) => e.ticket!.number)).toEqual(['H002', 'H003', 'H004']);
    await second.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'ogolne' });
    await until(() => replay.length === 4);
    expect(replay.map((e) => e.seq)).toEqual([lastSeq + 1, lastSeq + 2, lastSeq + 3, lastSeq + 4]);
    s2.close();
  });

  it('sends the branch clock and zone first on every namespace, from the server clock', async () => {
    // The server's clock runs 2 h 17 min ahead of this machine's: clients must take the server's.
    const ahead = (2 * 60 + 17) * 60_000;
    const b = await startTestBranch({ now: () => new Date(Date.now() + ahead) });
    open.push(b);
    for (const [ns, token] of [
      ['/display', await b.device('display')],
      ['/counter', await b.login('urzednik1')],
      ['/kiosk', await b.device('kiosk')],
    ] as const) {
      const got = await firstPackets(b.url, ns, token);
      expect(got.order[0], ns).toBe('branch:time');
      const t = got.time!;
      expect(t.timeZone).toBe('Europe/Warsaw');
      const at = Date.parse(t.now);
      expect(Math.abs(at - (Date.now() + ahead))).toBeLessThan(2000);
      const expected = new Intl.DateTimeFormat('en', {
        timeZone: 'Europe/Warsaw',
        timeZoneName: 'longOffset',
      })
        .format(new Date(at))
        .match(/GMT([+-])(\d\d):(\d\d)/)!;
      const sign = expected[1] === '-' ? -1 : 1;
      expect(t.offsetMinutes).toBe(sign * (Number(expected[2]) * 60 + Number(expected[3])));
      got.socket.close();
    }
  });

  it('pushes a screen its own settings at connect and live when a manager changes them', async () => {
    const b = await startTestBranch();
    open.push(b);
    const admin = await b.login('admin');
    const dev = await b.api('POST', '/api/v1/devices', admin, { kind: 'display', name: 'hall' });
    const other = await firstPackets(b.url, '/display', await b.device('display', 'other'));
    const mine = await firstPackets(b.url, '/display', dev.body.token);
    await until(() => mine.configs.length === 1 && other.configs.length === 1);
    expect(mine.configs[0]!.voiceLang).toBe('pl');
    const next: DisplayConfig = {
      services: ['emerytury'],
      voiceLang: 'uk',
      volume: 0.4,
      message: 'Nowy komunikat',
      historySize: 6,
    };
    const put = await b.api('PUT', `/api/v1/devices/${dev.body.id}/display-config`, admin, next);
    expect(put.status).toBe(200);
    await until(() => mine.configs.length === 2, 3000);
    expect(mine.configs[1]).toEqual(next);
    // Saving the same settings again sends nothing; the other screen never hears of them.
    await b.api('PUT', `/api/v1/devices/${dev.body.id}/display-config`, admin, next);
    await new Promise((r) => setTimeout(r, 1500));
    expect(mine.configs).toHaveLength(2);
    expect(other.configs).toHaveLength(1);
    mine.socket.close();
    other.socket.close();
  });
});

/** Connects with listeners in place before the handshake, recording the order of packets. */
async function firstPackets(url: string, ns: '/display' | '/counter' | '/kiosk', token: string) {
  const socket: BranchSocket = ioClient(url + ns, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    autoConnect: false,
  });
  const got = {
    socket,
    order: [] as string[],
    time: undefined as BranchTime | undefined,
    configs: [] as DisplayConfig[],
  };
  socket.on('branch:time', (t) => {
    got.order.push('branch:time');
    got.time ??= t;
  });
  socket.on('display:config', (c) => {
    got.order.push('display:config');
    got.configs.push(c);
  });
  socket.on('snapshot', () => got.order.push('snapshot'));
  socket.connect();
  await until(() => got.order.includes('snapshot'));
  return got;
}
