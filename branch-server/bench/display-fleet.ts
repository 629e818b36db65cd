// A fleet of waiting-room screens in a process of its own (forked by bench/core.ts): in a
// branch the screens are other machines, so their socket work must not run on the server's
// event loop. Reports when every screen has received a call, on the shared wall clock
// (performance.timeOrigin + now is the same clock in both processes on one machine).
import { performance } from 'node:perf_hooks';
import { connectSocket } from '../test/harness';

interface Start {
  url: string;
  token: string;
  displays: number;
}

process.once('message', (m: Start) => {
  void (async () => {
    const screens = await Promise.all(
      Array.from({ length: m.displays }, () => connectSocket(m.url, '/display', m.token)),
    );
    const got = new Map<number, number>();
    for (const s of screens)
      s.socket.on('event', (e: { type: string; seq: number }) => {
        if (e.type !== 'ticket.called') return;
        const n = (got.get(e.seq) ?? 0) + 1;
        got.set(e.seq, n);
        if (n === m.displays) {
          got.delete(e.seq);
          process.send!({ seq: e.seq, at: performance.timeOrigin + performance.now() });
        }
      });
    process.send!({ ready: true });
    process.once('disconnect', () => {
      for (const s of screens) s.close();
      process.exit(0);
    });
  })();
});
