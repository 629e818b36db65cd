import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@skr/pue-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, connectSocket, loginAt, TEST_PASSWORD, until } from './harness';
import { startServerProcess, type ServerProcess } from './process';
import { docBody, portalEnv, startPortal } from './sync-harness';

// The real server process (src/main.ts) with the most verbose log level, driven through
// staff logins (good and bad), devices, tickets, a client's portal login with an SMS code,
// account data and a document drop-off. Then every byte it logged, and everything a waiting
// room screen or the public follow page receives, is searched for secrets.
const dir = mkdtempSync(join(tmpdir(), 'skr-seclog-'));
let pue: Awaited<ReturnType<typeof startPortal>>;
let server: ServerProcess | undefined;
let url = '';
beforeAll(async () => {
  pue = await startPortal();
  server = await startServerProcess(dir, TEST_PASSWORD, {
    startTimeoutMs: 35_000, // tsx compiles main.ts first; slow on a busy machine
    // The announcer as the environment has it (on unless told), like production.
    env: { ...portalEnv(pue), SKR_LOG_LEVEL: 'trace', SKR_ANNOUNCER: process.env.SKR_ANNOUNCER },
  });
  url = server.url;
}, 40_000);
afterAll(async () => {
  await server?.kill('SIGTERM');
  await pue?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A call with a kiosk token and, optionally, the client's PUE session. */
function kioskCall(kiosk: string, method: string, path: string, session?: string, body?: unknown) {
  return callApi(url, method, path, kiosk, body, session ? { 'x-pue-session': session } : {});
}

describe('no PIN, password, token or PESEL in logs or on screens', () => {
  it('keeps every secret of a full day out of the server log and the public surfaces', async () => {
    const secrets: Record<string, string> = {
      staffPassword: TEST_PASSWORD,
      portalPassword: DEMO_PASSWORD,
    };
    const login = async (username: string, password = TEST_PASSWORD) =>
      loginAt(url, username, password);
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

    const log = server!.output();
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
