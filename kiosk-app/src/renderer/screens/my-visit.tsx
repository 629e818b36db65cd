import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitSummary } from '@skr/protocol/calendar';
import type { Lang, Service } from '@skr/protocol/domain';
import type { KioskBridge, KioskRebookResult } from '@skr/protocol/kiosk-bridge';
import { activeServices } from '../active-services';
import { api } from '../api';
import { formatDate } from '../format';
import { BigButton, Screen } from '../ui';
import { useAction } from '../use-action';
import { useBookingDays } from '../use-booking-days';
import { useSteps } from '../use-steps';
import { BookingDone } from './booking-done';
import { BookingError } from './booking-error';
import { SlotSteps } from './booking-pickers';
import { MyVisitFind } from './my-visit-find';
import { VisitFacts } from './my-visit-show';

type Step = 'find' | 'visit' | 'cancel' | 'cancelled' | 'day' | 'hour' | 'done';
const PREVIOUS: Record<Step, Step | null> = {
  find: null,
  visit: 'find',
  cancel: 'visit',
  cancelled: null,
  day: 'visit',
  hour: 'day',
  done: null,
};

/**
 * "Moja wizyta" at the kiosk: the booking code (or the slip's QR) and PESEL show the visit; the
 * client cancels it (after a confirmation) or moves it with the booking flow's day and hour
 * pickers, and the new slip prints. Refusals come from the booking catalogue (pl/en/uk).
 */
export function MyVisit(props: {
  bridge: KioskBridge;
  lang: Lang;
  onBack: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { step, go, back } = useSteps<Step>('find', PREVIOUS, props.onBack);
  const [proof, setProof] = useState<{ code: string; pesel: string } | null>(null);
  const [visit, setVisit] = useState<VisitSummary | null>(null);
  const [services, setServices] = useState<Service[]>([]);
  const slots = useBookingDays();
  const { day, setDays, load, placeOrRefresh } = slots;
  const [result, setResult] = useState<KioskRebookResult | null>(null);
  const { busy, error, setError, run } = useAction();
  useEffect(() => {
    activeServices().then(setServices, setError);
  }, []);
  const service = services.find((s) => s.id === visit?.serviceId);
  const serviceName = service ? service.names[props.lang].slice(0, 60) : (visit?.serviceId ?? '');

  const find = (code: string, pesel: string) =>
    run(async () => {
      const r = await api.call('findVisit', { params: { code }, body: { pesel } });
      setProof({ code: r.visit.code, pesel });
      setVisit(r.visit);
      go('visit');
    });
  const cancel = () =>
    run(async () => {
      if (!proof) return;
      const r = await api.call('cancelVisit', {
        params: { code: proof.code },
        body: { pesel: proof.pesel },
      });
      setVisit(r.visit);
      go('cancelled');
    });
  const rebook = (start: string) =>
    run(async () => {
      if (!proof || !visit) return;
      const moved = await placeOrRefresh(
        visit.serviceId,
        () =>
          props.bridge.call('rebookVisit', {
            code: proof.code,
            pesel: proof.pesel,
            start,
            lang: props.lang,
            serviceName,
          }),
        go,
      );
      setResult(moved);
      go('done');
    });

  if (step === 'done' && result)
    return (
      <BookingDone
        result={{ ...result, confirmation: 'none' }}
        serviceName={serviceName}
        title={t('myVisit.rebookedTitle')}
        onDone={props.onDone}
      />
    );
  return (
    <Screen
      title={t(`myVisit.titles.${step}`)}
      onBack={() => (setError(null), back())}
      testId={`my-visit-${step}`}
    >
      {visit && step !== 'find' && step !== 'visit' && step !== 'cancelled' && (
        <p className="hint" data-testid="my-visit-choice">
          {serviceName} · {t('myVisit.current', { day: formatDate(visit.day), time: visit.time })}
          {day && step === 'hour' ? ` → ${formatDate(day.day)}` : ''}
        </p>
      )}
      <BookingError error={error} />
      {step === 'find' && <MyVisitFind busy={busy} onFind={(c, p) => void find(c, p)} />}
      {step === 'visit' && visit && (
        <>
          <VisitFacts visit={visit} serviceName={serviceName} />
          <div className="grid-1">
            <BigButton
              label={t('myVisit.rebook')}
              hint={t('myVisit.rebookHint')}
              disabled={busy}
              onClick={() => {
                setDays(null);
                load(visit.serviceId).catch(setError);
                go('day');
              }}
              testId="my-visit-rebook"
            />
            <BigButton
              label={t('myVisit.cancel')}
              hint={t('myVisit.cancelHint')}
              disabled={busy}
              onClick={() => go('cancel')}
              testId="my-visit-cancel"
              variant="secondary"
            />
          </div>
        </>
      )}
      {step === 'cancel' && visit && (
        <>
          <p className="big-label" data-testid="my-visit-confirm-question">
            {t('myVisit.confirmText', { day: formatDate(visit.day), time: visit.time })}
          </p>
          <div className="grid-1">
            <BigButton
              label={t('myVisit.confirmYes')}
              disabled={busy}
              onClick={() => void cancel()}
              testId="my-visit-cancel-yes"
            />
            <BigButton
              label={t('myVisit.confirmNo')}
              onClick={() => go('visit')}
              testId="my-visit-cancel-no"
              variant="secondary"
            />
          </div>
        </>
      )}
      {step === 'cancelled' && visit && (
        <>
          <p className="status ok" role="status" data-testid="my-visit-cancelled-text">
            {t('myVisit.cancelledText', { day: formatDate(visit.day), time: visit.time })}
          </p>
          <BigButton label={t('ticket.done')} onClick={props.onDone} testId="my-visit-finish" />
        </>
      )}
      <SlotSteps
        step={step}
        slots={slots}
        lang={props.lang}
        onDay={() => (setError(null), go('hour'))}
        onSlot={(s) => void rebook(s.start)}
      />
    </Screen>
  );
}
