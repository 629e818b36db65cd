import { afterEach, describe, expect, it } from 'vitest';
import { connectSocket, startTestBranch, until, type TestBranch } from './harness';

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
});
