// Touch → ticket bytes at the printer emulator: a real click in Chromium on a service, through
// the kiosk host, the branch server (durable issue) and the printer driver over TCP, until the
// emulator has decoded the whole ticket. Run: npx tsx kiosk-app/bench/touch-to-print.ts
import { pathToFileURL } from 'node:url';
import { startKioskRig } from '../test/kiosk-rig';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Issues `n` tickets by touch and returns the p50/p99 latency in milliseconds. */
export async function benchTouchToPrint({ n = 100 }: { n?: number } = {}): Promise<{
  p50: number;
  p99: number;
}> {
  const rig = await startKioskRig();
  try {
    const p = rig.page;
    const times: number[] = [];
    await p.getByTestId('go-ticket').click();
    await p.getByTestId('service-emerytury').waitFor();
    for (let i = 0; i < n + 5; i++) {
      const printed = new Promise<number>((resolve) => {
        const off = rig.printer.onPrint(() => {
          off();
          resolve(performance.now());
        });
      });
      // A raw input event at the button's place, as a touch panel sends it: Playwright's
      // click() first waits for the element to be stable over two animation frames, which
      // would add its own ~30 ms to every sample.
      const box = await p.getByTestId('service-emerytury').boundingBox();
      if (!box) throw new Error('service button not visible');
      const t0 = performance.now();
      await p.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const t1 = await printed;
      if (i >= 5) times.push(t1 - t0); // the first few warm up JIT, connections and caches
      await p.getByTestId('done').click();
      await p.getByTestId('go-ticket').click();
      await p.getByTestId('service-emerytury').waitFor();
    }
    times.sort((a, b) => a - b);
    return {
      p50: Math.round(percentile(times, 50) * 10) / 10,
      p99: Math.round(percentile(times, 99) * 10) / 10,
    };
  } finally {
    await rig.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.env.N ?? 100);
  const r = await benchTouchToPrint({ n });
  console.log(
    `kiosk touch → ticket bytes at the printer (n=${n}): p50 ${r.p50} ms, p99 ${r.p99} ms (goal p99 ≤ 100 ms)`,
  );
}
