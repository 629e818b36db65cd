// Bench: how long the branch takes to drain a backlog of documents into the portal emulator
// once the portal is back, and whether every document arrived exactly once.
// Run alone: npx tsx branch-server/bench/outbox-drain.ts [items]
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startTempPueEmulator } from '@skr/pue-emulator';
import { openDatabase } from '../src/store';
import { createSync } from '../src/sync';

/** Result of one drain: wall time, and the portal's count checked against the branch's. */
export interface OutboxDrainResult {
  seconds: number;
  delivered: number;
  duplicates: number;
  lost: number;
}

/**
 * Queues `items` documents while the portal is down, brings it back and times the drain to
 * zero pending. Each document has distinct bytes, so the portal's copies can be matched.
 */
export async function benchOutboxDrain({ items = 10_000 } = {}): Promise<OutboxDrainResult> {
  const pue = await startTempPueEmulator({
    branchKeys: { 'o-bench': 'bench-key-0001' },
    // The stand-in portal is one process on one disk; a real portal does not fsync each
    // request in series. The branch side keeps synchronous=FULL.
    durability: 'normal',
  });
  // The branch's database sits beside the portal's, removed with it.
  const db = openDatabase(join(pue.dir, 'branch.sqlite'));
  const sync = createSync({
    db,
    now: () => new Date(),
    portal: { url: pue.url, branchId: 'o-bench', branchKey: 'bench-key-0001' },
  });
  try {
    const shas = new Set<string>();
    // One transaction for the set-up only; in service every drop-off commits on its own.
    db.transaction(() => {
      for (let i = 0; i < items; i += 1) {
        const bytes = Buffer.from(`%PDF-1.4\n% bench document ${i}\n${'x'.repeat(2000)}\n%%EOF\n`);
        const doc = sync.submitDocument(
          {
            formCode: 'pismo',
            fileName: `doc-${i}.pdf`,
            contentB64: bytes.toString('base64'),
            pages: 1,
            lang: 'pl',
          },
          null,
        );
        shas.add(doc.sha256);
      }
    })();
    const started = performance.now();
    sync.start();
    while (sync.status().outbox.pending > 0) await new Promise((r) => setTimeout(r, 50));
    const seconds = (performance.now() - started) / 1000;
    await sync.stop();
    const portal = pue.documents().items;
    const seen = new Set(portal.map((d) => d.upp.sha256).filter((s) => shas.has(s)));
    return {
      seconds: Math.round(seconds * 100) / 100,
      delivered: portal.length,
      duplicates: portal.length - seen.size,
      lost: shas.size - seen.size,
    };
  } finally {
    await sync.stop();
    db.close();
    await pue.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const items = Number(process.argv[2] ?? 10_000);
  const r = await benchOutboxDrain({ items });
  const verdict = r.seconds <= 60 && r.duplicates === 0 && r.lost === 0 ? 'OK' : 'FAIL';
  console.log(
    `outbox drain: ${items} documents in ${r.seconds} s (goal ≤ 60 s), delivered ${r.delivered}, ` +
      `duplicates ${r.duplicates}, lost ${r.lost} — ${verdict}`,
  );
  if (verdict !== 'OK') process.exitCode = 1;
}
