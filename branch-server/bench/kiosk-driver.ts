// A kiosk in a process of its own (forked by core.ts and issue-cpu.ts): in a branch the kiosk
// is another machine, and in the server's process its HTTP client would share the server's
// event loop, so the answer would be read only after whatever the server does next (the
// screens' fan-out). Issues tickets one after another and reports each one's issue → answer ms.
//
// The client is node:http on one kept-alive connection, not the global fetch: undici's fetch
// spends ~1.5–2 ms of its own per request on this machine (WHATWG streams, header objects),
// against ~0.4 ms for http.request (measured with a server that answers at once), and that was
// timed as the server's. A kiosk keeps one connection open to its branch, as this one does.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

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

/** POSTs `body` as JSON on `agent`'s connection; resolves with the status once the answer is read. */
function post(agent: Agent, url: string, token: string, body: unknown): Promise<number> {
  const json = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(json),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        // The answer is parsed, as the kiosk does before it prints.
        res.on('end', () => {
          JSON.parse(text);
          resolve(res.statusCode ?? 0);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(json);
  });
}

async function run(m: Start): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const ack: number[] = [];
  try {
    for (let i = 0; i < m.issues; i += 1) {
      const s = performance.now();
      const status = await post(agent, `${m.url}/api/v1/tickets`, m.token, {
        serviceId: 'zasilki',
      });
      ack.push(performance.now() - s);
      if (status !== 201) throw new Error(`issue failed: ${status}`);
    }
  } finally {
    agent.destroy();
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
