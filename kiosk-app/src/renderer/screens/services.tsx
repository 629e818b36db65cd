import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, PriorityReason, Service } from '@skr/protocol/domain';
import { PriorityReason as Reasons } from '@skr/protocol/domain';
import { activeServices } from '../active-services';
import { ServiceButtons } from './service-buttons';
import { ErrorBox, Screen } from '../ui';
import type { SlotAvailability } from '@skr/protocol/calendar';
import { cutoffOf, WalkInCutoffOffer } from './walk-in-cutoff-offer';

/** The menu of services, with the priority option; a touch issues the ticket at once. */
export function Services(props: {
  lang: Lang;
  busy: boolean;
  error: unknown;
  onPick: (s: Service, priority: PriorityReason | undefined) => void;
  onBack: () => void;
  /** The walk-in cut-off's offered slot was taken up: book it (issue 14). */
  onBook?: (s: Service, slot: SlotAvailability) => void;
}) {
  const { t } = useTranslation();
  const [services, setServices] = useState<Service[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [priority, setPriority] = useState<PriorityReason | undefined>();
  const [showReasons, setShowReasons] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  // The reasons vanish once one is chosen; focus goes back to the toggle that now names the
  // reason instead of dropping to the page body.
  const choose = (r: PriorityReason | undefined) => {
    setPriority(r);
    setShowReasons(false);
    toggle.current?.focus();
  };
  useEffect(() => {
    activeServices().then(setServices).catch(setLoadError);
  }, []);
  return (
    <Screen title={t('services.title')} onBack={props.onBack} testId="services">
      {/* A service cut off for walk-ins today offers the nearest bookable slot instead. */}
      {(() => {
        const cut = cutoffOf(props.error);
        const svc = cut && services?.find((s) => s.id === cut.serviceId);
        if (!cut || !svc || !props.onBook) return <ErrorBox error={props.error ?? loadError} />;
        const onBook = props.onBook;
        return (
          <WalkInCutoffOffer details={cut} lang={props.lang} onBook={(slot) => onBook(svc, slot)} />
        );
      })()}
      <div className="priority">
        <button
          ref={toggle}
          type="button"
          className="toggle"
          aria-pressed={priority !== undefined}
          aria-expanded={showReasons}
          onClick={() => setShowReasons((v) => !v)}
          data-testid="priority"
        >
          {t('services.priority')}
          {priority ? `: ${t(`priority.${priority}`)}` : ''}
        </button>
        <p className="hint">{t('services.priorityHint')}</p>
        {showReasons && (
          <div className="reasons" role="group" aria-label={t('services.priorityReason')}>
            {Reasons.options.map((r) => (
              <button
                key={r}
                type="button"
                className="small"
                aria-pressed={priority === r}
                data-testid={`reason-${r}`}
                onClick={() => choose(r)}
              >
                {t(`priority.${r}`)}
              </button>
            ))}
            <button type="button" className="small" onClick={() => choose(undefined)}>
              {t('services.priorityOff')}
            </button>
          </div>
        )}
      </div>
      <ServiceButtons
        services={services}
        lang={props.lang}
        disabled={props.busy}
        testIdPrefix="service-"
        onPick={(s) => props.onPick(s, priority)}
      />
    </Screen>
  );
}
