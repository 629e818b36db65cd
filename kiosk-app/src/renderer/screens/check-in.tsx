import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskBookResult, KioskBridge } from '@skr/protocol/kiosk-bridge';
import type { Lang } from '@skr/protocol/domain';
import { activeServices } from '../active-services';
import { BigButton, ErrorBox, Screen } from '../ui';
import { KioskForm, SubmitButton, TextField } from '../form-parts';
import { Keypad } from '../keypad';
import { useLoad } from '../use-load';
import { BookingDone } from './booking-done';
import { cleanCode } from './my-visit-find';
import { LateArrivalOffer, lateOf } from './late-arrival-offer';

/**
 * Check-in by booking code: typed on screen, typed by the QR scanner (it sends keys + Enter
 * into the focused field), or with the ID card. Past the late window the branch refuses with an
 * offer: a ticket to the line (`onLateWalkIn`, asked the way the check-in was) or a slot today,
 * booked here and its slip printed.
 */
export function CheckIn(props: {
  bridge: KioskBridge;
  lang: Lang;
  busy: boolean;
  error: unknown;
  cardReader: boolean;
  onCode: (code: string) => void;
  onCard: () => void;
  /** The late offer's walk-in: the missed visit checked in at the end of the line, its code kept. */
  onLateWalkIn: (way: { code: string } | 'card') => void;
  onBack: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  // How the last check-in was asked: the late booking names the missed visit the same way.
  const [way, setWay] = useState<{ code: string } | 'card'>('card');
  const [booking, setBooking] = useState(false);
  const [bookError, setBookError] = useState<unknown>(null);
  const [booked, setBooked] = useState<KioskBookResult | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const late = lateOf(props.error);
  const { data: services } = useLoad(
    () => (late ? activeServices() : Promise.resolve(null)),
    [late?.serviceId],
  );
  const service = late && services?.find((s) => s.id === late.serviceId);
  const serviceName = service ? service.names[props.lang].slice(0, 60) : '';
  const submit = () => {
    if (code.length < 6 || props.busy) return;
    setWay({ code });
    props.onCode(code);
  };
  async function bookLate(start: string) {
    setBooking(true);
    setBookError(null);
    try {
      setBooked(
        await props.bridge.call('bookLateArrival', {
          ...(way === 'card' ? { card: true as const } : { bookingCode: way.code }),
          start,
          lang: props.lang,
          serviceName,
        }),
      );
    } catch (e) {
      setBookError(e);
    } finally {
      setBooking(false);
    }
  }
  if (booked)
    return <BookingDone result={booked} serviceName={serviceName} onDone={props.onDone} />;
  return (
    <Screen title={t('checkIn.title')} onBack={props.onBack} testId="check-in">
      {late ? (
        <LateArrivalOffer
          details={late}
          service={service ?? undefined}
          busy={props.busy || booking}
          onWalkIn={() => props.onLateWalkIn(way)}
          onBook={(start) => void bookLate(start)}
        />
      ) : (
        <ErrorBox error={props.error} />
      )}
      <ErrorBox error={bookError} />
      <KioskForm onSubmit={submit}>
        <TextField
          id="booking-code"
          label={t('checkIn.codeLabel')}
          hint={t('checkIn.codeHint')}
          ref={input}
          value={code}
          onChange={(e) => setCode(cleanCode(e.target.value))}
          spellCheck={false}
          inputMode="none"
          data-autofocus
        />
        <Keypad
          value={code}
          onChange={setCode}
          onEnter={submit}
          max={12}
          letters
          label={t('checkIn.codeLabel')}
        />
        <SubmitButton
          label={t('checkIn.confirm')}
          disabled={code.length < 6 || props.busy}
          testId="confirm-code"
        />
      </KioskForm>
      {props.cardReader && (
        <BigButton
          label={t('checkIn.card')}
          hint={t('checkIn.cardHint')}
          onClick={() => {
            setWay('card');
            props.onCard();
          }}
          disabled={props.busy}
          testId="check-in-card"
          variant="secondary"
        />
      )}
    </Screen>
  );
}
