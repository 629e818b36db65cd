import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestCa, type TestCa } from './test-ca';
import { startVirtualIdCard, VIRTUAL_CARD_ATR, type VirtualIdCard } from './virtual-id-card';
import { encodeVpcdFrame, VpcdFrameDecoder } from './vpcd-frame';

// Plays vpcd's side over real TCP on port 0, so the card is tested without pcscd.
interface FakeVpcd {
  port: number;
  next(): Promise<Socket>;
  server: Server;
}

function fakeVpcd(): Promise<FakeVpcd> {
  const waiting: ((s: Socket) => void)[] = [];
  const server = createServer((s) => waiting.shift()?.(s));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        next: () => new Promise((r) => waiting.push(r)),
        server,
      }),
    ),
  );
}

/** Sends one body and waits for one answer (or the link closing: null), bounded. */
function ask(s: Socket, body: Buffer, ms = 2_000): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const d = new VpcdFrameDecoder();
    const onData = (c: Buffer) => {
      const [first] = d.push(c);
      if (first) done(first);
    };
    const onClose = () => done(null);
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error('no answer'));
    }, ms);
    const cleanup = () => {
      clearTimeout(timer);
      s.off('data', onData);
      s.off('close', onClose);
    };
    const done = (v: Buffer | null) => {
      cleanup();
      resolve(v);
    };
    s.on('data', onData);
    s.on('close', onClose);
    s.write(encodeVpcdFrame(body));
  });
}

describe('virtual ID card over a vpcd-style TCP link', () => {
  let ca: TestCa;
  let vpcd: FakeVpcd;
  let card: VirtualIdCard | null = null;
  const SELECT = Buffer.from('00A4040C07D6160000300101', 'hex');

  beforeAll(async () => {
    ca = await createTestCa();
  });
  afterEach(async () => {
    await card?.close();
    await new Promise((r) => vpcd.server.close(r));
  });

  async function inserted(): Promise<{ card: VirtualIdCard; link: Socket }> {
    vpcd = await fakeVpcd();
    card = await startVirtualIdCard({
      port: vpcd.port,
      pin: '1234',
      holder: { pesel: '44051401359', givenName: 'Jan', surname: 'Kowalski' },
      ca,
    });
    const accepted = vpcd.next();
    await card.insert();
    return { card, link: await accepted };
  }

  it('answers GET ATR with a T=1 ATR and APDUs with data + SW', async () => {
    const { link } = await inserted();
    expect(await ask(link, Buffer.of(4))).toEqual(VIRTUAL_CARD_ATR);
    expect((await ask(link, SELECT))?.toString('hex')).toBe('9000');
  });

  it('reports each APDU and answer to onApdu listeners', async () => {
    const { card: c, link } = await inserted();
    const seen: string[] = [];
    c.onApdu((a, r) => seen.push(`${a.toString('hex')}>${r?.toString('hex')}`));
    await ask(link, SELECT);
    expect(seen).toEqual([`${SELECT.toString('hex')}>9000`]);
  });

  it('drops the link on the next APDU when pulled, and goes mute when silent', async () => {
    const { card: c, link } = await inserted();
    c.setFault({ silent: true });
    await expect(ask(link, SELECT, 300)).rejects.toThrow('no answer');
    c.setFault({ pullOnNextApdu: true });
    expect(await ask(link, SELECT)).toBeNull();
    expect(c.inserted).toBe(false);
  });

  it('removes and re-inserts on command; power off forgets the verified PIN', async () => {
    const { card: c, link } = await inserted();
    await ask(link, SELECT);
    expect(
      (await ask(link, Buffer.from('002000810831323334FFFFFFFF', 'hex')))?.toString('hex'),
    ).toBe('9000');
    const closed = new Promise((r) => link.once('close', r));
    await c.remove();
    await closed;
    expect(c.inserted).toBe(false);
    const again = vpcd.next();
    await c.insert();
    const link2 = await again;
    await ask(link2, SELECT);
    expect((await ask(link2, Buffer.from('00200081', 'hex')))?.toString('hex')).toBe('63c3');
  });

  it('rejects insert when nothing listens on the slot', async () => {
    vpcd = await fakeVpcd();
    const port = vpcd.port;
    await new Promise((r) => vpcd.server.close(r));
    vpcd = await fakeVpcd(); // afterEach closes this one
    card = await startVirtualIdCard({
      port,
      pin: '1234',
      holder: { pesel: '44051401359', givenName: 'Jan', surname: 'Kowalski' },
      ca,
    });
    await expect(card.insert()).rejects.toThrow(/ECONNREFUSED/);
  });
});
