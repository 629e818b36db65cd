import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskBridge, KioskConfig, KioskTicketOutcome } from '@skr/protocol/kiosk-bridge';
import type { Lang, PriorityReason, Service } from '@skr/protocol/domain';
import type { SlotAvailability } from '@skr/protocol/calendar';
import { BookingFlow } from './screens/booking-flow';
import { CheckIn } from './screens/check-in';
import { MyVisit } from './screens/my-visit';
import { Home } from './screens/home';
import { Services } from './screens/services';
import { SelfService } from './screens/self-service';
import { TicketContact } from './screens/ticket-contact';
import { TicketView } from './screens/ticket-view';
import { AnonDropoff } from './screens/anon-dropoff';
import { UppLookup } from './screens/upp-lookup';
import { useOpening } from './use-opening';
import { ErrorBox, Toggle } from './ui';
import { createSpeaker } from './speech';
import { useIdleCountdown } from './use-idle';
import { useFocusKeeper } from './use-focus-keeper';
import { useHeadphones } from './use-headphones';
import { clickScreenBack, SPEECH_KEY, useKeypadNavigation } from './use-keypad-navigation';
import { useSpeechMode } from './use-speech-mode';

type View =
  | 'home'
  | 'services'
  | 'check-in'
  | 'ticket'
  | 'self-service'
  | 'book'
  | 'my-visit'
  | 'contact'
  | 'anon-dropoff'
  | 'upp-lookup';
const LANGS: { id: Lang; label: string }[] = [
  { id: 'pl', label: 'Polski' },
  { id: 'en', label: 'English' },
  { id: 'uk', label: 'Українська' },
];

/** Seconds of no touch before the ticket side starts fresh, unless the kiosk says otherwise. */
const DEFAULT_TICKET_IDLE_SECONDS = 45;

/** Ends everything of a client: a full reload drops every byte of their data from memory. */
function wipeAndRestart(): void {
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
  // The slot the walk-in cut-off offered, when the client chose to book it (issue 14).
  const [bookingStart, setBookingStart] = useState<{
    service: Service;
    slot: SlotAvailability;
  } | null>(null);
  const [largeText, setLargeText] = useState(false);
  const [highContrast, setHighContrast] = useState(false);
  const [speech, setSpeech] = useState(false);
  const [help, setHelp] = useState(false);
  const speaker = useMemo(createSpeaker, []);
  useSpeechMode(speaker, speech, lang, {
    on: t('app.speechOn'),
    selected: t('app.selected'),
    hidden: (count) => t('app.hiddenTyped', { count }),
  });
  const [fatal, setFatal] = useState<unknown>(null);
  const opening = useOpening(config?.kioskHours);

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
    document.documentElement.classList.toggle('high-contrast', highContrast);
  }, [largeText, highContrast]);
  useEffect(() => {
    // A screen that focused its own control (check-in's code field, where the QR scanner
    // types) keeps it; otherwise the heading takes focus so a screen reader starts there.
    const main = document.querySelector('main');
    const active = document.activeElement;
    if (active && active !== main && main?.contains(active)) return;
    document.getElementById('screen-title')?.focus();
  }, [view]);

  // The next client starts from nothing: Polish, default text and contrast, no half-typed
  // input (the screens unmount), no outcome or error on screen.
  const home = useCallback(() => {
    setOutcome(null);
    setError(null);
    setBookingStart(null);
    setView('home');
    setLargeText(false);
    setHighContrast(false);
    setSpeech(false);
    setHelp(false);
    void i18n.changeLanguage('pl');
  }, [i18n]);
  // "Back" leaves a flow, not the client: their language and display choices stay.
  const back = useCallback(() => {
    setError(null);
    setBookingStart(null);
    setHelp(false);
    setView('home');
  }, []);
  useFocusKeeper();
  // Plugging in headphones starts speech mode; pulling them ends it (the next sound would
  // otherwise come out of the kiosk's speaker).
  useHeadphones(setSpeech);
  useKeypadNavigation({
    // The keypad's Back: from the ticket it is "Done"; elsewhere the screen's own Back (in
    // the urzędomat it steps back within the session); the urzędomat's menu has none.
    back: () =>
      view === 'ticket' ? home() : clickScreenBack() || view === 'self-service' || back(),
    help: () => setHelp((h) => !h),
    toggleSpeech: () => setSpeech((v) => !v),
  });
  useEffect(() => setHelp(false), [view]);
  const fresh = view === 'home' && lang === 'pl' && !largeText && !highContrast && !speech;
  // The ticket screen has its own timers (longer when the ticket did not print) and the
  // urzędomat its own session countdown; everywhere else an idle kiosk starts fresh.
  const idleActive = !fresh && view !== 'ticket' && view !== 'self-service';
  const idleLeft = useIdleCountdown(
    config?.ticketIdleSeconds ?? DEFAULT_TICKET_IDLE_SECONDS,
    home,
    idleActive,
  );
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
  // What every flow started from home takes (each reads the part it needs).
  const flow = { bridge, lang, cardReader, onBack: back, onDone: home };
  const issuing = { busy, error };

  return (
    <div className="kiosk">
      <header className="top">
        <span className="branch">{config?.branchName}</span>
        <nav className="langs" aria-label={t('app.language')}>
          {LANGS.map((l) => (
            <Toggle
              key={l.id}
              lang={l.id}
              pressed={lang === l.id}
              onClick={() => void i18n.changeLanguage(l.id)}
              testId={`lang-${l.id}`}
            >
              {l.label}
            </Toggle>
          ))}
          <Toggle pressed={largeText} onClick={() => setLargeText((v) => !v)} testId="large-text">
            {t('app.largeText')}
          </Toggle>
          <Toggle
            pressed={highContrast}
            onClick={() => setHighContrast((v) => !v)}
            testId="high-contrast"
          >
            {t('app.highContrast')}
          </Toggle>
          <Toggle
            pressed={speech}
            keyShortcut={SPEECH_KEY}
            onClick={() => setSpeech((v) => !v)}
            testId="speech"
          >
            {t('app.speech')}
          </Toggle>
        </nav>
        {idleActive && (
          <p className="idle" role="timer" aria-live="off" data-testid="idle-countdown">
            {t('app.idle', { count: idleLeft })}
          </p>
        )}
      </header>
      {!printerOk && view !== 'self-service' && (
        <p className="banner" role="status" data-testid="printer-banner">
          {t('home.printerDown')}
        </p>
      )}
      <main>
        {help && (
          <p className="key-help" role="status" data-testid="key-help">
            {t('app.keyHelp')}
          </p>
        )}
        <ErrorBox error={fatal} />
        {view === 'home' && (
          <Home go={go} selfService opening={opening} kioskHours={config?.kioskHours} />
        )}
        {view === 'anon-dropoff' && <AnonDropoff {...flow} onLookup={() => go('upp-lookup')} />}
        {view === 'upp-lookup' && <UppLookup {...flow} />}
        {view === 'services' && (
          <Services
            {...flow}
            {...issuing}
            onPick={pick}
            onBook={(service, slot) => {
              setBookingStart({ service, slot });
              go('book');
            }}
          />
        )}
        {view === 'check-in' && (
          <CheckIn
            {...flow}
            {...issuing}
            onCode={(code) => void issue(() => bridge.call('checkIn', { bookingCode: code, lang }))}
            onCard={() => void issue(() => bridge.call('checkInByCard', { lang }))}
            onLateWalkIn={(way) =>
              void issue(() =>
                way === 'card'
                  ? bridge.call('checkInByCard', { lang, acceptLate: true })
                  : bridge.call('checkIn', { bookingCode: way.code, lang, acceptLate: true }),
              )
            }
          />
        )}
        {view === 'ticket' && outcome && (
          <TicketView
            outcome={outcome}
            onDone={home}
            // Offered only when the branch can send: a number typed for nothing misleads.
            onNotify={opening.notifyChannels.length > 0 ? () => go('contact') : undefined}
          />
        )}
        {view === 'contact' && outcome && (
          <TicketContact
            ticketId={outcome.ticket.id}
            lang={lang}
            channels={opening.notifyChannels}
            onDone={home}
          />
        )}
        {view === 'book' && <BookingFlow {...flow} start={bookingStart} />}
        {view === 'my-visit' && <MyVisit {...flow} />}
        {view === 'self-service' && config && (
          <SelfService {...flow} config={config} onEnd={wipeAndRestart} />
        )}
      </main>
    </div>
  );
}
