import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@skr/pue-emulator';
import { PueAnswerContent, PueAnswerList, PueSession, PueUpd } from '@skr/protocol';
import { portalBed } from './sync-harness';

// The kiosk's inbox calls through a real branch to a real portal stand-in: list, UPD, answer,
// passed 1:1 with the portal's codes, never cached (no-store) and never kept at the branch.

const bed = portalBed();

/** A kiosk call with the client's portal session; answers status, headers and JSON body. */
async function kioskCall(method: string, path: string, session?: string, body?: unknown) {
  const res = await fetch(bed.b.url + path, {
    method,
    headers: {
      authorization: `Bearer ${bed.kiosk}`,
      ...(session ? { 'x-pue-session': session } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

async function login(who: string): Promise<string> {
  const started = await kioskCall('POST', '/api/v1/pue/auth/password', undefined, {
    login: who,
    password: DEMO_PASSWORD,
  });
  const done = await kioskCall('POST', '/api/v1/pue/auth/password/verify', undefined, {
    attemptId: started.body.attemptId,
    code: bed.pue.outbox().at(-1)!.code,
  });
  return PueSession.parse(done.body).token;
}

describe('kiosk inbox proxy', () => {
  it('lists, signs the UPD once and opens the answer, with no-store and nothing kept at the branch', async () => {
    const session = await login('anna.kowalska');
    const list = await kioskCall('GET', '/api/v1/pue/inbox', session);
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    const { items, unread } = PueAnswerList.parse(list.body);
    expect(unread).toBe(3);
    const target = items.find((a) => a.requiresUpd)!;
    const path = `/api/v1/pue/inbox/${target.id}`;

    const early = await kioskCall('GET', path, session);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('CONFLICT');

    const signed = await kioskCall('POST', `${path}/upd`, session, { method: 'confirm' });
    expect(signed.status).toBe(201);
    const upd = PueUpd.parse(signed.body);
    const again = await kioskCall('POST', `${path}/upd`, session, { method: 'confirm' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(upd);

    const opened = await kioskCall('GET', path, session);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('cache-control')).toBe('no-store');
    const content = PueAnswerContent.parse(opened.body);
    expect(content.answer.upd).toEqual(upd);
    expect(Buffer.from(content.pdfB64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    // No session, no answer; another client's session gets the portal's NOT_FOUND.
    expect((await kioskCall('GET', path)).status).toBe(401);
    const jan = await login('jan.nowak');
    expect((await kioskCall('GET', path, jan)).status).toBe(404);

    // The letter passed through: neither its title nor its reference is in the branch files.
    for (const f of readdirSync(bed.b.dir).filter((n) => n.startsWith('branch.sqlite'))) {
      const bytes = readFileSync(join(bed.b.dir, f));
      expect(bytes.includes(Buffer.from(target.reference))).toBe(false);
      expect(bytes.includes(Buffer.from(content.pdfB64.slice(0, 200)))).toBe(false);
    }
  });
});
