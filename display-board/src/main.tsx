import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { playInBrowser } from './audio-queue';
import { Board } from './components/board';
import { PairingNotice } from './components/pairing-notice';
import { createDisplayClient, type DisplayClient } from './display-client';
import { LANGS, createI18n, type UiLang } from './i18n';
import {
  createClient,
  keepCredentialFresh,
  pairByCode,
  type StoredCredential,
} from '@skr/protocol/client';
import { branchApi } from '@skr/protocol/routes';
import { clearCredential, loadCredential, saveCredential } from './pairing';
import './styles.css';

declare global {
  interface Window {
    /** Read by the end-to-end tests and the call-to-DOM benchmark. */
    __skrDisplay?: DisplayClient['debug'];
  }
}

const LANG_KEY = 'skr.display.lang';

/** The screen's own language: `?lang=` (remembered), else the last one, else Polish. */
function screenLang(): UiLang {
  const url = new URL(window.location.href);
  const asked = url.searchParams.get('lang');
  if (asked && (LANGS as readonly string[]).includes(asked)) localStorage.setItem(LANG_KEY, asked);
  const kept = localStorage.getItem(LANG_KEY);
  return kept && (LANGS as readonly string[]).includes(kept) ? (kept as UiLang) : 'pl';
}

const lang = screenLang();
document.documentElement.lang = lang;
const root = createRoot(document.getElementById('root')!);
const origin = window.location.origin;
/** The branch API without a token: only pairing is public. */
const publicApi = createClient(branchApi, { baseUrl: origin, timeoutMs: 10_000 });

/** No credential (new, revoked or expired): show a code until the admin pairs this screen. */
function pair(revoked: boolean): void {
  root.render(<PairingNotice revoked={revoked} />);
  void pairByCode(publicApi, {
    kind: 'display',
    onCode: (c) => root.render(<PairingNotice code={c.code} revoked={revoked} />),
  }).then((credential) => {
    saveCredential(localStorage, credential);
    show(credential);
  });
}

/** The board, with its credential renewed before it expires (the old one works 10 min more). */
function show(credential: StoredCredential): void {
  let current = credential;
  const client = createDisplayClient({ origin, token: () => current.token, play: playInBrowser });
  let stopRenewing = () => {};
  let done = false;
  const refused = () => {
    if (done) return;
    done = true;
    stopRenewing();
    client.stop();
    unsubscribe();
    clearCredential(localStorage);
    pair(true);
  };
  const unsubscribe = client.subscribe(() => {
    if (client.getState().status === 'unauthorized') refused();
  });
  stopRenewing = keepCredentialFresh({
    current: () => current,
    save: (next) => {
      current = next;
      saveCredential(localStorage, next);
    },
    onRefused: refused,
    refresh: (token) => publicApi.call('refreshDevice', { token }),
  });
  window.__skrDisplay = client.debug;
  client.start();
  root.render(
    <StrictMode>
      <I18nextProvider i18n={createI18n(lang)}>
        <Board client={client} lang={lang} />
      </I18nextProvider>
    </StrictMode>,
  );
}

const stored = loadCredential(localStorage);
if (stored) show(stored);
else pair(false);
