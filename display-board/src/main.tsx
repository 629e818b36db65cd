import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { playInBrowser } from './audio-queue';
import { Board } from './components/board';
import { PairingNotice } from './components/pairing-notice';
import { createDisplayClient, type DisplayClient } from './display-client';
import { LANGS, createI18n, type UiLang } from './i18n';
import { takeToken } from './pairing';
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

const token = takeToken({
  location: window.location,
  history: window.history,
  storage: localStorage,
});
const lang = screenLang();
document.documentElement.lang = lang;
const root = createRoot(document.getElementById('root')!);
if (!token) {
  root.render(<PairingNotice />);
} else {
  const client = createDisplayClient({
    origin: window.location.origin,
    token,
    play: playInBrowser,
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
