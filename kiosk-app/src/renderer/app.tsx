import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskBridge, KioskConfig, KioskTicketOutcome } from '@skr/protocol/kiosk-bridge';
import type { Lang, PriorityReason, Service } from '@skr/protocol/domain';
import { CheckIn } from './screens/check-in';
import { Home } from './screens/home';
import { Matters } from './screens/matters';
import { SelfService } from './screens/self-service';
import { TicketView } from './screens/ticket-view';
import { ErrorBox } from './ui';

type View = 'home' | 'matters' | 'check-in' | 'ticket' | 'self-service';
const LANGS: { id: Lang; label: string }[] = [
  { id: 'pl', label: 'Polski' },
  { id: 'en', label: 'English' },
  { id: 'uk', label: 'Українська' },
];

/** Ends everything of a client: a full reload drops every byte of their data from memory. */
export function wipeAndRestart(): void {
  window.location.replace(window.location.pathname);
}

/** The kiosk: ticket machine and, with a card reader or keyboard, the self-service urzędomat. */
export function App({ bridge }: { bridge: KioskBridge }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [view, setView] = useState<View>('home');
  const [config, setConfig] = useState<KioskConfig | null>(null);
  const [printerOk, setPrinterOk] = useState(true);
  const [cardReader, setCardReader] = useState(false);
  const [outcome, setOutcome] = useState<KioskTicketOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [largeText, setLargeText] = useState(false);
  const [fatal, setFatal] = useState<unknown>(null);

  useEffect(() => {
    bridge.call('config', {}).then(setConfig).catch(setFatal);
    bridge
      .call('devices', {})
      .then((d) => {
        setPrinterOk(d.printerOk);
        setCardReader(d.cardReader);
      })
      .catch(() => undefined);
    return bridge.onEvent((e) => {
      if (e.type === 'printer') setPrinterOk(e.ok);
    });
  }, [bridge]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', largeText);
  }, [largeText]);
  useEffect(() => document.getElementById('screen-title')?.focus(), [view]);

  const home = useCallback(() => {
    setOutcome(null);
    setError(null);
    setView('home');
    void i18n.changeLanguage('pl');
  }, [i18n]);
  const go = (v: View) => {
    setError(null);
    setView(v);
  };
  async function issue(run: () => Promise<KioskTicketOutcome>) {
    setBusy(true);
    setError(null);
    try {
      setOutcome(await run());
      setView('ticket');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const pick = (s: Service, priority: PriorityReason | undefined) =>
    issue(() =>
      bridge.call('issueTicket', {
        serviceId: s.id,
        lang,
        serviceName: s.names[lang].slice(0, 60),
        ...(priority ? { priority } : {}),
      }),
    );

  return (
    <div className="kiosk">
      <header className="top">
        <span className="branch">{config?.branchName}</span>
        <nav className="langs" aria-label={t('app.language')}>
          {LANGS.map((l) => (
            <button
              key={l.id}
              type="button"
              lang={l.id}
              className="small"
              aria-pressed={lang === l.id}
              onClick={() => void i18n.changeLanguage(l.id)}
              data-testid={`lang-${l.id}`}
            >
              {l.label}
            </button>
          ))}
          <button
            type="button"
            className="small"
            aria-pressed={largeText}
            onClick={() => setLargeText((v) => !v)}
            data-testid="large-text"
          >
            {t('app.largeText')}
          </button>
        </nav>
      </header>
      {!printerOk && view !== 'self-service' && (
        <p className="banner" role="status" data-testid="printer-banner">
          {t('home.printerDown')}
        </p>
      )}
      <main>
        <ErrorBox error={fatal} />
        {view === 'home' && <Home go={go} selfService />}
        {view === 'matters' && (
          <Matters lang={lang} busy={busy} error={error} onPick={pick} onBack={home} />
        )}
        {view === 'check-in' && (
          <CheckIn
            busy={busy}
            error={error}
            cardReader={cardReader}
            onCode={(code) => void issue(() => bridge.call('checkIn', { bookingCode: code, lang }))}
            onCard={() => void issue(() => bridge.call('checkInByCard', { lang }))}
            onBack={home}
          />
        )}
        {view === 'ticket' && outcome && <TicketView outcome={outcome} onDone={home} />}
        {view === 'self-service' && config && (
          <SelfService
            bridge={bridge}
            config={config}
            cardReader={cardReader}
            lang={lang}
            onEnd={wipeAndRestart}
          />
        )}
      </main>
    </div>
  );
}
