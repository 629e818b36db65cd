import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@skr/pue-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, connectSocket, TEST_PASSWORD, until } from './harness';
import { BRANCH_ID, BRANCH_KEY, docBody, startPortal } from './sync-harness';

// The real server process (src/main.ts) with the most verbose log level, driven through
// staff logins (good and bad), devices, tickets, a client's portal login with an SMS code,
// account data and a document drop-off. Then every byte it logged, and everything a waiting
// room screen or the public follow page receives, is searched for secrets.
const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'skr-seclog-'));
let pue: Awaited<ReturnType<typeof startPortal>>;
let child: ChildProcess;
let url = '';
let log = '';
beforeAll(async () => {
  pue = await startPortal();
  child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      SKR_DATA_DIR: dir,
      SKR_PORT: '0',
      SKR_SEED: 'demo',
      SKR_DEMO_PASSWORD: TEST_PASSWORD,
      SKR_LOG_LEVEL: 'trace',
      SKR_PUE_URL: pue.url,
      SKR_PUE_BRANCH_ID: BRANCH_ID,
      SKR_PUE_BRANCH_KEY: BRANCH_KEY,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  await until(() => /SKR branch server: (http:\/\/\S+)/.test(log), 20_000);
  url = /SKR branch server: (http:\/\/\S+)/.exec(log)![1]!;
}, 40_000);
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  await pue?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function kioskCall(
  kiosk: string,
  method: string,
  path: string,
  session?: string,
  body?: unknown,
) {
  const res = await fetch(url + path, {
    method,
    headers: {
      authorization: `Bearer ${kiosk}`,
      ...(session ? { 'x-pue-session': session } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('no PIN, password, token or PESEL in logs or on screens', () => {
  it('keeps every secret of a full day out of the server log and the public surfaces', async () => {
    const secrets: Record<string, string> = {
      staffPassword: TEST_PASSWORD,
      portalPassword: DEMO_PASSWORD,
    };
    const login = async (username: string, password = TEST_PASSWORD) =>
      callApi(url, 'POST', '/api/v1/auth/login', undefined, { username, password });
    const wrong = 'Zle-Haslo-Kasjera-77';
    secrets.wrongPassword = wrong;
    expect((await login('urzednik1', wrong)).status).toBe(401);
    const admin = (await login('admin')).body.token as string;
    const clerk = (await login('urzednik1')).body.token as string;
    secrets.admin = admin;
    secrets.clerk = clerk;
    const kioskDev = await callApi(url, 'POST', '/api/v1/devices', admin, {
      kind: 'kiosk',
      name: 'k1',
    });
    const displayDev = await callApi(url, 'POST', '/api/v1/devices', admin, {
      kind: 'display',
      name: 'd1',
    });
    const kiosk = kioskDev.body.token as string;
    const display = displayDev.body.token as string;
    secrets.kiosk = kiosk;
    secrets.display = display;
    const screen = await connectSocket(url, '/display', display);

    // A client logs into the portal at the kiosk: password, SMS code, profile, data, drop-off.
    const anna = DEMO_LOGINS[0]!;
    secrets.pesel = anna.pesel;
    secrets.surname = anna.name.split(' ')[1]!;
    const started = await kioskCall(kiosk, 'POST', '/api/v1/pue/auth/password', undefined, {
      login: anna.login,
      password: DEMO_PASSWORD,
    });
    expect(started.status).toBe(200);
    const code = pue.outbox().at(-1)!.code;
    secrets.smsCode = code;
    const verified = await kioskCall(kiosk, 'POST', '/api/v1/pue/auth/password/verify', undefined, {
      attemptId: started.body.attemptId,
      code,
    });
    expect(verified.status).toBe(200);
    const session = verified.body.token as string;
    secrets.portalSession = session;
    const me = await kioskCall(kiosk, 'GET', '/api/v1/pue/me', session);
    expect(me.body.pesel).toBe(anna.pesel);
    const account = me.body.accounts[0].id as string;
    expect(
      (await kioskCall(kiosk, 'GET', `/api/v1/pue/accounts/${account}?role=insured`, session))
        .status,
    ).toBe(200);
    expect(
      (await kioskCall(kiosk, 'POST', '/api/v1/documents', session, docBody('log'))).status,
    ).toBe(201);
    expect((await kioskCall(kiosk, 'POST', '/api/v1/pue/auth/logout', session)).status).toBe(204);

    // The client takes a ticket and is called.
    const ticket = await callApi(url, 'POST', '/api/v1/tickets', kiosk, {
      serviceId: 'ogolne',
      lang: 'uk',
    });
    expect(ticket.status).toBe(201);
    await callApi(url, 'POST', '/api/v1/counters/3/open', clerk);
    expect((await callApi(url, 'POST', '/api/v1/counters/3/call-next', clerk)).status).toBe(200);
    await until(() => screen.events.some((e) => e.type === 'ticket.called'));
    expect((await callApi(url, 'POST', '/api/v1/auth/logout', clerk)).status).toBe(204);

    const publicText = [
      JSON.stringify(screen.snapshots),
      JSON.stringify(screen.events),
      JSON.stringify((await callApi(url, 'GET', '/api/v1/queue', display)).body),
      JSON.stringify((await callApi(url, 'GET', `/api/v1/public/tickets/${ticket.body.id}`)).body),
      await (await fetch(`${url}/q/${ticket.body.id}`)).text(),
      await (await fetch(`${url}/display/`)).text(),
    ].join('\n');
    screen.close();
    await new Promise((r) => setTimeout(r, 300)); // let the last log lines flush

    expect(log.length).toBeGreaterThan(2000); // trace level: requests were logged
    expect(log).toContain('/api/v1/pue/auth/password');
    for (const [what, secret] of Object.entries(secrets)) {
      expect(log.includes(secret), `${what} in the server log`).toBe(false);
      expect(publicText.includes(secret), `${what} on a screen or public page`).toBe(false);
    }
    expect(log).not.toMatch(/authorization":"Bearer/i);
    expect(log).not.toMatch(/x-pue-session":"(?!\[redacted\])/i);
  }, 60_000);
});
