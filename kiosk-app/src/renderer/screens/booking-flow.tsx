import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookingDay } from '@skr/protocol/booking-days';
import type { SlotAvailability } from '@skr/protocol/calendar';
import type { Lang, Service } from '@skr/protocol/domain';
import type {
  KioskBookResult,
  KioskBookingIdentity,
  KioskBridge,
} from '@skr/protocol/kiosk-bridge';
import { activeServices } from '../active-services';
import { formatDate } from '../format';
import { freeBookingDays } from '../free-days';
import { Screen } from '../ui';
import { BookingDone } from './booking-done';
import { ServiceButtons } from './service-buttons';
import { BookingError } from './booking-error';
import { BookingIdentity } from './booking-identity';
import { SlotSteps } from './booking-pickers';

type Step = 'service' | 'day' | 'hour' | 'identity' | 'done';
const PREVIOUS: Record<Step, Step | null> = {
  service: null,
  day: 'service',
  hour: 'day',
  identity: 'hour',
  done: null,
};

/**
 * "Umów wizytę" at the kiosk: service, a day of the next 30 with free places, an hour, then
 * the ID card or PESEL + phone; the kiosk host books and prints the slip. A refusal (full,
 * too late, 3 a day, gap) brings the client back to the hours with the reason in their language.
 */
export function BookingFlow(props: {
  bridge: KioskBridge;
  lang: Lang;
  cardReader: boolean;
  onBack: () => void;
  onDone: () => void;
  /** A slot already chosen (the walk-in cut-off's offer): the flow starts at the identity. */
  start?: { service: Service; slot: SlotAvailability } | null;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>(props.start ? 'identity' : 'service');
  const [services, setServices] = useState<Service[] | null>(null);
  const [service, setService] = useState<Service | null>(props.start?.service ?? null);
  const [days, setDays] = useState<BookingDay[] | null>(null);
  const [day, setDay] = useState<BookingDay | null>(null);
  const [slot, setSlot] = useState<SlotAvailability | null>(props.start?.slot ?? null);
  const [result, setResult] = useState<KioskBookResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    activeServices().then(setServices).catch(setError);
    // Started from an offered slot: load its day too, so "back" shows that day's hours.
    const start = props.start;
    if (start)
      freeBookingDays(start.service.id)
        .then((found) => {
          setDays(found);
          setDay(found.find((d) => d.day === start.slot.day) ?? null);
        })
        .catch(setError);
  }, []);

  async function loadDays(s: Service): Promise<BookingDay[]> {
    const found = await freeBookingDays(s.id);
    setDays(found);
    return found;
  }

  const go = (next: Step) => {
    setStep(next);
    // Each step is a new screen: its heading takes the focus (and speech reads it).
    requestAnimationFrame(() => document.getElementById('screen-title')?.focus());
  };
  const back = () => {
    setError(null);
    const prev = PREVIOUS[step];
    if (prev) go(prev);
    else props.onBack();
  };
  const pickService = (s: Service) => {
    setService(s);
    setError(null);
    setDays(null);
    loadDays(s).catch(setError);
    go('day');
  };
  const serviceName = service ? service.names[props.lang].slice(0, 60) : '';

  async function book(identity: KioskBookingIdentity) {
    if (!service || !slot) return;
    setBusy(true);
    setError(null);
    try {
      setResult(
        await props.bridge.call('bookVisit', {
          serviceId: service.id,
          start: slot.start,
          lang: props.lang,
          serviceName,
          identity,
        }),
      );
      go('done');
    } catch (e) {
      setError(e);
      // The slot may have gone meanwhile: show the day's hours as they are now.
      const fresh = await loadDays(service).catch(() => null);
      const sameDay = fresh?.find((d) => d.day === day?.day) ?? null;
      setDay(sameDay);
      go(sameDay ? 'hour' : 'day');
    } finally {
      setBusy(false);
    }
  }

  if (step === 'done' && result)
    return <BookingDone result={result} serviceName={serviceName} onDone={props.onDone} />;
  const title =
    step === 'service'
      ? t('booking.serviceTitle')
      : step === 'day'
        ? t('booking.dayTitle')
        : step === 'hour'
          ? t('booking.hourTitle')
          : t('booking.identityTitle');
  return (
    <Screen title={title} onBack={back} testId={`booking-${step}`}>
      {service && step !== 'service' && (
        <p className="hint" data-testid="booking-choice">
          {[
            serviceName,
            day && step !== 'day' ? formatDate(day.day) : null,
            slot && step === 'identity' ? slot.time : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      <BookingError error={error} />
      {step === 'service' && (
        <ServiceButtons
          services={services}
          lang={props.lang}
          testIdPrefix="booking-service-"
          onPick={pickService}
        />
      )}
      <SlotSteps
        step={step}
        days={days}
        day={day}
        lang={props.lang}
        onDay={(d) => {
          setDay(d);
          setError(null);
          go('hour');
        }}
        onSlot={(s) => {
          setSlot(s);
          setError(null);
          go('identity');
        }}
      />
      {step === 'identity' && (
        <BookingIdentity
          cardReader={props.cardReader}
          busy={busy}
          onIdentity={(id) => void book(id)}
        />
      )}
    </Screen>
  );
}
