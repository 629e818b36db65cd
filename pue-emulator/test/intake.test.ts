import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PueUpp } from '@skr/protocol';
import { BRANCH, BRANCH_KEY, sampleDocument, harnessPerTest } from './harness';

describe('document intake with idempotency key', () => {
  const h = harnessPerTest();
  const submit = (key: string | undefined, body: unknown, branchKey = BRANCH_KEY) =>
    h.call('POST', `/v1/branches/${BRANCH}/documents`, {
      body,
      headers: { 'x-branch-key': branchKey, ...(key ? { 'idempotency-key': key } : {}) },
    });

  it('answers a UPP with id, time and the SHA-256 of the document bytes', async () => {
    const doc = sampleDocument();
    const r = await submit(randomUUID(), doc.body);
    expect(r.status).toBe(201);
    const upp = PueUpp.parse(r.body);
    expect(upp.sha256).toBe(createHash('sha256').update(doc.bytes).digest('hex'));
    expect(upp.receivedAt).toBe('2025-03-10T08:00:00.000Z');
    expect(upp.uppId).toBe('UPP/2025/00000001');
    expect(h.emu.documents().items[0]).toMatchObject({ formCode: 'ZUS-Z-3', upp });
  });

  it('gives the same UPP for the same key and never stores a second document', async () => {
    const key = randomUUID();
    const doc = sampleDocument();
    const first = await submit(key, doc.body);
    h.advance(60_000);
    const second = await submit(key, doc.body);
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body).toEqual(first.body);
    expect(h.emu.documents().count).toBe(1);
    const another = await submit(randomUUID(), doc.body);
    expect(another.body.uppId).not.toBe(first.body.uppId);
    expect(h.emu.documents().count).toBe(2);
  });

  it('stores one document when the same key arrives concurrently', async () => {
    const key = randomUUID();
    const doc = sampleDocument();
    const answers = await Promise.all(Array.from({ length: 12 }, () => submit(key, doc.body)));
    expect(new Set(answers.map((a) => a.body.uppId)).size).toBe(1);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(h.emu.documents().count).toBe(1);
  });

  it('refuses the key reused for another document, a missing key, and a wrong branch key', async () => {
    const key = randomUUID();
    await submit(key, sampleDocument('pierwszy').body);
    const reused = await submit(key, sampleDocument('drugi').body);
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('CONFLICT');
    expect((await submit(undefined, sampleDocument().body)).status).toBe(400);
    expect(
      (await submit(randomUUID(), { ...sampleDocument().body, contentType: 'text/html' })).status,
    ).toBe(400);
    expect((await submit(randomUUID(), sampleDocument().body, 'nope')).status).toBe(401);
    expect(h.emu.documents().count).toBe(1);
  });
});
