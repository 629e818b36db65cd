import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskRig, type KioskRig } from './kiosk-rig';
import { focused, hears, moveTo, spokenLog } from './speech-keypad-steps';

// A blind client with the kiosk keypad alone: speech mode on with its key, a ticket and a
// check-in through arrows, 2/4/6/8, 5/Enter and Back, every step heard. The audio is real:
// the kiosk host renders it with espeak-ng and Chromium plays it in an <audio> element.

interface Heard {
  text: string;
  lang: string;
  status: number;
  type: string;
  /** null: the network log could not give the body (the media stack dropped it). */
  riff: boolean | null;
}

/** Asks the kiosk host for a phrase from inside the page, as the page itself does. */
async function askHost(p: KioskRig['page'], lang: string, text: string) {
  return p.evaluate(
    async (url: string) => {
      const res = await (globalThis as any).fetch(url);
      const b = new Uint8Array(await res.arrayBuffer());
      return {
        status: res.status as number,
        type: res.headers.get('content-type') as string,
        riff: String.fromCharCode(...b.slice(0, 4)) === 'RIFF' && b.length > 1000,
      };
    },
    `/speech?${new URLSearchParams({ lang, text })}`,
  );
}

let rig: KioskRig;
const heard: Heard[] = [];
beforeAll(async () => {
  rig = await startKioskRig({ ticketIdleSeconds: 600 });
  rig.page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.pathname !== '/speech') return;
    // Each WAV the page fetched for a phrase, whether for playing or ahead of time.
    void r
      .body()
      .catch(() => null)
      .then((b) =>
        heard.push({
          text: url.searchParams.get('text') ?? '',
          lang: url.searchParams.get('lang') ?? '',
          status: r.status(),
          type: r.headers()['content-type'] ?? '',
          riff:
            b === null ? null : b.subarray(0, 4).toString('latin1') === 'RIFF' && b.length > 1000,
        }),
      );
  });
}, 60_000);
afterAll(async () => {
  await rig?.close();
});

describe('speech mode and keypad', () => {
  it('takes a ticket with the keypad alone, hearing the screen, the focus and the ticket', async () => {
    const p = rig.page;
    await p.getByTestId('home').waitFor();
    await p.keyboard.press('F2');
    expect(await p.getByTestId('speech').getAttribute('aria-pressed')).toBe('true');
    await hears(p, /^Tryb głosowy włączony\.$/);
    await hears(p, /^Witamy w oddziale ZUS$/);
    await p.keyboard.press('2'); // back wraps to the header: the speech-mode button
    await hears(p, /^Tryb głosowy, wybrano$/);
    // A language button is read by its own language's voice, not by the Polish one.
    await moveTo(p, 'lang-uk', '2');
    await hears(p, /^Українська$/);
    const uk = (await spokenLog(p)).filter((s) => s.text === 'Українська');
    expect(uk.map((s) => s.lang)).toEqual(uk.map(() => 'uk'));
    await moveTo(p, 'go-ticket', '8');
    await hears(p, /^Pobierz bilet Wybierz sprawę i stań w kolejce$/);
    await p.keyboard.press('h');
    await hears(p, /^Strzałki lub 2, 4, 6, 8/);
    await p.keyboard.press('Enter');
    await p.getByTestId('services').waitFor();
    await hears(p, /^Wybierz sprawę$/);
    await moveTo(p, 'service-emerytury');
    await hears(p, /^Emerytury i renty/);
    const next = rig.printer.nextTicket(5000);
    await p.keyboard.press('5');
    await p.getByTestId('ticket').waitFor();
    const number = (await p.getByTestId('ticket-number').textContent())!;
    const ahead = (await p.getByTestId('people-ahead').textContent())!;
    await next;
    await hears(p, new RegExp(`^Twój numer: ${number}\\. Osób przed Tobą: ${ahead}\\.`));
    await hears(p, /^Bilet został wydrukowany\.$/);
    // Back on the ticket is "Done": a fresh start, and speech mode ends with the client.
    await p.keyboard.press('Escape');
    await p.getByTestId('home').waitFor();
    expect(await p.getByTestId('speech').getAttribute('aria-pressed')).toBe('false');
  });

  it('checks in with the keypad: digits type into the code field, Enter confirms, the ticket is read', async () => {
    const p = rig.page;
    const manager = await rig.branch.login('kierownik');
    const bookedFor = new Date(Date.now() + 10 * 60_000).toISOString();
    const r = await rig.branch.api('POST', '/api/v1/bookings', manager, {
      code: '482913',
      serviceId: 'emerytury',
      bookedFor,
    });
    expect(r.status).toBe(201);
    const before = (await spokenLog(p)).length;
    await p.keyboard.press('F2');
    await moveTo(p, 'go-check-in', 'ArrowDown');
    await hears(p, /^Mam rezerwację/);
    await p.keyboard.press('Enter');
    await p.getByTestId('check-in').waitFor();
    await hears(p, /^Potwierdź rezerwację$/);
    await hears(p, /^Kod rezerwacji$/);
    expect(await focused(p)).toBe('booking-code');
    const next = rig.printer.nextTicket(5000);
    await p.keyboard.type('482913');
    await p.keyboard.press('Enter');
    await p.getByTestId('ticket').waitFor();
    const number = (await p.getByTestId('ticket-number').textContent())!;
    expect((await next).lines.join('\n')).toContain('Kod rezerwacji: 482913');
    await hears(p, new RegExp(`^Twój numer: ${number}\\.`));
    const spoken = (await spokenLog(p)).slice(before).map((s) => s.text);
    expect(spoken).toEqual(
      expect.arrayContaining([
        'Tryb głosowy włączony.',
        'Potwierdź rezerwację',
        'Kod rezerwacji',
        expect.stringMatching(/^Twój numer: /),
      ]),
    );
    await p.keyboard.press('Escape');
    await p.getByTestId('home').waitFor();
  });

  it('every phrase it played was a WAV from the kiosk host, in Polish but the Ukrainian button', async () => {
    const p = rig.page;
    const started = (await spokenLog(p)).filter((s) => s.startedAt !== undefined);
    expect(started.length).toBeGreaterThan(5);
    // Each phrase that started playing was asked for in Polish, and the host answers its URL
    // with a real WAV. Asked again here rather than read from the page's network log: the
    // media stack may take a phrase from its cache or by ranges, which that log does not show
    // the same way on every run.
    for (const s of new Map(started.map((x) => [x.text, x])).values()) {
      expect(s.lang, s.text).toBe(s.text === 'Українська' ? 'uk' : 'pl');
      const got = await askHost(p, s.lang, s.text);
      expect(got, s.text).toEqual({ status: 200, type: 'audio/wav', riff: true });
    }
    // The page's own fetches were WAVs too, wherever the network log saw them.
    // A body the log could not keep whole (a media fetch aborted or evicted while the test
    // read it; CI saw one such) is asked for again.
    const seen = heard.filter((x) => x.status === 200);
    expect(seen.length).toBeGreaterThan(0);
    for (const h of seen) {
      expect(h.type, h.text).toBe('audio/wav');
      const riff = h.riff === true || (await askHost(p, h.lang, h.text)).riff;
      expect(riff, h.text).toBe(true);
    }
  });

  it('plugging in headphones starts speech mode and pulling them ends it (audio outputs)', async () => {
    const p = rig.page;
    // Chromium's list of audio outputs, as a system that shows headphones as their own output
    // would give it; only changes count, so what is there at page load does nothing.
    await p.addInitScript(() => {
      const w = globalThis as any;
      w.skrOutputs = [{ kind: 'audiooutput', label: 'Built-in speaker', deviceId: 's' }];
      w.navigator.mediaDevices.enumerateDevices = async () => w.skrOutputs;
    });
    await p.reload();
    await p.getByTestId('home').waitFor();
    const setOutputs = (labels: string[]) =>
      p.evaluate((ls) => {
        const w = globalThis as any;
        w.skrOutputs = ls.map((label: string, i: number) => ({
          kind: 'audiooutput',
          label,
          deviceId: String(i),
        }));
        w.navigator.mediaDevices.dispatchEvent(new w.Event('devicechange'));
      }, labels);
    const speechOn = () => p.getByTestId('speech').getAttribute('aria-pressed');
    expect(await speechOn()).toBe('false');
    await setOutputs(['Built-in speaker', 'Słuchawki (Headphones)']);
    await expect.poll(speechOn).toBe('true');
    await hears(p, /^Tryb głosowy włączony\.$/);
    await setOutputs(['Built-in speaker']);
    await expect.poll(speechOn).toBe('false');
  });
});
