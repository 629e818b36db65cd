import Fastify from 'fastify';
import { SECURITY_HEADERS } from './security-headers';

const TEXTS = [
  {
    lang: 'pl',
    title: 'Biletomat nie jest sparowany',
    body: 'Administrator oddziału wpisuje ten kod w widoku kierownika: Konfiguracja → Urządzenia → Sparuj kodem z ekranu urządzenia (rodzaj: biletomat).',
  },
  {
    lang: 'en',
    title: 'This kiosk is not paired',
    body: 'The branch administrator types this code in the manager view: Configuration → Devices → Pair by the code on the device (kind: kiosk).',
  },
  {
    lang: 'uk',
    title: 'Кіоск не підключено',
    body: 'Адміністратор відділення вводить цей код у вікні керівника: Конфігурація → Пристрої → Спарувати за кодом з екрана пристрою (тип: кіоск).',
  },
];

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page: the code large, the three languages, and a reload every 3 s (no script needed). */
function pairingHtml(code: string | null): string {
  const shown = code ? `${code.slice(0, 4)} ${code.slice(4)}` : '…';
  return `<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
<title>SKR — parowanie</title></head>
<body><main data-testid="kiosk-pairing" data-code="${escape(code ?? '')}">
<p data-testid="pairing-code" aria-label="${escape(code ?? '')}">${escape(shown)}</p>
${TEXTS.map((t) => `<section lang="${t.lang}"><h1>${escape(t.title)}</h1><p>${escape(t.body)}</p></section>`).join('\n')}
</main></body></html>`;
}

/**
 * While the kiosk has no credential its screen shows the pairing code: a tiny page on the
 * host's own port (the kiosk's Chromium already points there). It reloads itself; once paired
 * the host replaces it with the kiosk app on the same port.
 */
export async function startPairingPage(port = 0) {
  let code: string | null = null;
  const app = Fastify({ logger: false });
  app.addHook('onRequest', async (_req, reply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    reply.header('cache-control', 'no-store');
  });
  app.get('/*', (_req, reply) => reply.type('text/html; charset=utf-8').send(pairingHtml(code)));
  await app.listen({ port, host: '127.0.0.1' });
  const addr = app.server.address();
  const bound = typeof addr === 'object' && addr ? addr.port : port;
  return {
    port: bound,
    url: `http://127.0.0.1:${bound}`,
    /** Shows `next` from the next reload on. */
    show(next: string) {
      code = next;
    },
    close: () => app.close(),
  };
}
/** The pairing page while it runs. */
export type PairingPage = Awaited<ReturnType<typeof startPairingPage>>;
