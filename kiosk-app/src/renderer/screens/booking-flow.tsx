import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlotAvailability } from '@skr/protocol/calendar';
import type { Lang, Service } from '@skr/protocol/domain';
import type {
  KioskBookResult,
  KioskBookingIdentity,
  KioskBridge,
} from '@skr/protocol/kiosk-bridge';
import { activeServices } from '../active-services';
import { formatDate } from '../format';
import { Screen } from '../ui';
import { useAction } from '../use-action';
import { useBookingDays } from '../use-booking-days';
import { useSteps } from '../use-steps';
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
  const { step, go, back } = useSteps<Step>(
    props.start ? 'identity' : 'service',
    PREVIOUS,
    props.onBack,
  );
  const [services, setServices] = useState<Service[] | null>(null);
  const [service, setService] = useState<Service | null>(props.start?.service ?? null);
  const slots = useBookingDays();
  const { day, setDays, setDay, load, placeOrRefresh } = slots;
  const [slot, setSlot] = useState<SlotAvailability | null>(props.start?.slot ?? null);
  const [result, setResult] = useState<KioskBookResult | null>(null);
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    activeServices().then(setServices).catch(setError);
    // Started from an offered slot: load its day too, so "back" shows that day's hours.
    const start = props.start;
    if (start)
      load(start.service.id)
        .then((found) => setDay(found.find((d) => d.day === start.slot.day) ?? null))
        .catch(setError);
  }, []);

  const pickService = (s: Service) => {
    setService(s);
    setError(null);
    setDays(null);
    load(s.id).catch(setError);
    go('day');
  };
  const serviceName = service ? service.names[props.lang].slice(0, 60) : '';

  const book = (identity: KioskBookingIdentity) =>
    run(async () => {
      if (!service || !slot) return;
      const booked = await placeOrRefresh(
        service.id,
        () =>
          props.bridge.call('bookVisit', {
            serviceId: service.id,
            start: slot.start,
            lang: props.lang,
            serviceName,
            identity,
          }),
        go,
      );
      setResult(booked);
      go('done');
    });

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
    <Screen title={title} onBack={() => (setError(null), back())} testId={`booking-${step}`}>
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
        slots={slots}
        lang={props.lang}
        chosen={slot}
        onDay={() => (setError(null), go('hour'))}
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
