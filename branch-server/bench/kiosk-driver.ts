// A kiosk in a process of its own (forked by core.ts and issue-cpu.ts): in a branch the kiosk
// is another machine, and in the server's process its HTTP client would share the server's
// event loop, so the answer would be read only after whatever the server does next (the
// screens' fan-out). Issues tickets one after another and reports each one's issue → answer ms.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { callApi } from '../test/harness';

interface Start {
  url: string;
  token: string;
  issues: number;
}

/** Issues `issues` tickets from a forked kiosk; answers each issue's ms until its answer. */
export async function kioskIssues(url: string, token: string, issues: number): Promise<number[]> {
  const child: ChildProcess = fork(new URL(import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
  });
  try {
    child.send({ url, token, issues } satisfies Start);
    const [m] = (await once(child, 'message')) as [{ ack?: number[]; error?: string }];
    if (!m.ack) throw new Error(m.error ?? 'kiosk failed');
    return m.ack;
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

async function run(m: Start): Promise<number[]> {
  const ack: number[] = [];
  for (let i = 0; i < m.issues; i += 1) {
    const s = performance.now();
    const r = await callApi(m.url, 'POST', '/api/v1/tickets', m.token, { serviceId: 'zasilki' });
    ack.push(performance.now() - s);
    if (r.status !== 201) throw new Error(`issue failed: ${r.status}`);
  }
  return ack;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  process.once('message', (m: Start) => {
    run(m).then(
      (ack) => process.send!({ ack }, () => process.exit(0)),
      (e: unknown) => process.send!({ error: String(e) }, () => process.exit(1)),
    );
  });
}
