import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PueAnswerContent, PueAnswerList, PueUpd } from '@skr/protocol';
import { harnessPerTest, passwordLogin } from './harness';

// The inbox of answers and the UPD over real HTTP against a real emulator (temp SQLite): an
// answer that needs a UPD gives no body before it, is signed once, opens again without a new
// UPD, and another client's session is told nothing.

describe('inbox of answers and UPD', () => {
  const h = harnessPerTest();

  async function annasInbox(token: string) {
    const res = await h.call('GET', '/v1/inbox', { token });
    expect(res.status).toBe(200);
    return PueAnswerList.parse(res.body);
  }

  it('lists the demo answers newest first with the unread count, and only the own ones', async () => {
    const anna = await passwordLogin(h, 'anna.kowalska');
    const list = await annasInbox(anna);
    expect(list.items).toHaveLength(3);
    expect(list.unread).toBe(3);
    const dates = list.items.map((a) => a.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(list.items.filter((a) => a.requiresUpd)).toHaveLength(2);
    const jan = await passwordLogin(h, 'jan.nowak');
    const his = PueAnswerList.parse((await h.call('GET', '/v1/inbox', { token: jan })).body);
    expect(his.items).toHaveLength(2);
    expect(his.items.map((a) => a.id)).not.toContain(list.items[0]!.id);
    expect((await h.call('GET', '/v1/inbox')).status).toBe(401);
  });

  it('releases the body only after a UPD, records it once with time and method, and marks the answer read', async () => {
    const token = await passwordLogin(h, 'anna.kowalska');
    const target = (await annasInbox(token)).items.find((a) => a.requiresUpd)!;
    const path = `/v1/inbox/${target.id}`;

    const early = await h.call('GET', path, { token });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('CONFLICT');
    expect(early.body.details.reason).toBe('UPD_REQUIRED');
    expect(early.body.pdfB64).toBeUndefined();

    const first = await h.call('POST', `${path}/upd`, { token, body: { method: 'confirm' } });
    expect(first.status).toBe(201);
    const upd = PueUpd.parse(first.body);
    expect(upd).toMatchObject({ answerId: target.id, method: 'confirm' });
    expect(upd.updId).toMatch(/^UPD\/2025\/\d{8}$/);
    expect(upd.signedAt).toBe('2025-03-10T08:00:00.000Z');

    h.advance(60_000);
    const again = await h.call('POST', `${path}/upd`, { token, body: { method: 'confirm' } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(upd);
    expect(h.emu.upds()).toHaveLength(1);
    expect(h.emu.upds()[0]).toMatchObject({ ...upd, signedPdf: null });

    const opened = PueAnswerContent.parse((await h.call('GET', path, { token })).body);
    expect(opened.answer.upd).toEqual(upd);
    expect(opened.answer.state).toBe('read');
    const pdf = await PDFDocument.load(Buffer.from(opened.pdfB64, 'base64'));
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getKeywords()).toContain(`answer:${target.id}`);
    expect(pdf.getSubject()).toBe(target.reference);
    // Opening again needs no new UPD and gives the same letter.
    const twice = PueAnswerContent.parse((await h.call('GET', path, { token })).body);
    expect(twice.pdfB64).toBe(opened.pdfB64);
    expect(h.emu.upds()).toHaveLength(1);
    expect((await annasInbox(token)).unread).toBe(2);
    expect(h.logs()).toContain('UPD signed');
    expect(h.logs()).not.toContain(target.title);
  });

  it('opens an answer that needs no UPD at once, and makes no UPD for it', async () => {
    const token = await passwordLogin(h, 'anna.kowalska');
    const plain = (await annasInbox(token)).items.find((a) => !a.requiresUpd)!;
    const res = await h.call('GET', `/v1/inbox/${plain.id}`, { token });
    expect(res.status).toBe(200);
    expect(PueAnswerContent.parse(res.body).answer.upd).toBeNull();
    expect(h.emu.upds()).toHaveLength(0);
  });

  it("refuses another client's session: NOT_FOUND for the answer and its UPD, nothing recorded", async () => {
    const anna = await passwordLogin(h, 'anna.kowalska');
    const target = (await annasInbox(anna)).items.find((a) => a.requiresUpd)!;
    const jan = await passwordLogin(h, 'jan.nowak');
    const sign = await h.call('POST', `/v1/inbox/${target.id}/upd`, {
      token: jan,
      body: { method: 'confirm' },
    });
    expect(sign.status).toBe(404);
    expect((await h.call('GET', `/v1/inbox/${target.id}`, { token: jan })).status).toBe(404);
    expect(h.emu.upds()).toHaveLength(0);
    // A logged-out session is refused before anything is looked up.
    await h.call('POST', '/v1/auth/logout', { token: anna });
    const out = await h.call('POST', `/v1/inbox/${target.id}/upd`, {
      token: anna,
      body: { method: 'confirm' },
    });
    expect(out.status).toBe(401);
    expect(h.emu.upds()).toHaveLength(0);
  });

  it('refuses a card UPD that is not a signed PDF naming this answer', async () => {
    const token = await passwordLogin(h, 'anna.kowalska');
    const target = (await annasInbox(token)).items.find((a) => a.requiresUpd)!;
    const unsigned = await PDFDocument.create();
    unsigned.addPage();
    unsigned.setKeywords([`upd:${target.id}`]);
    const send = (pdf: Uint8Array) =>
      h.call('POST', `/v1/inbox/${target.id}/upd`, {
        token,
        body: { method: 'card', signedPdfB64: Buffer.from(pdf).toString('base64') },
      });
    const bare = await send(await unsigned.save());
    expect(bare.status).toBe(400);
    expect(bare.body.details.reason).toBe('BAD_SIGNATURE');
    unsigned.setKeywords(['upd:ans_other']);
    expect((await send(await unsigned.save())).status).toBe(400);
    expect((await send(Buffer.from('not a pdf'))).status).toBe(400);
    expect(h.emu.upds()).toHaveLength(0);
    expect((await h.call('GET', `/v1/inbox/${target.id}`, { token })).status).toBe(409);
  });
});
