import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitSummary } from '@skr/protocol/calendar';
import type { Lang, Service } from '@skr/protocol/domain';
import { peselProblem } from '@skr/protocol/pesel';
import type { DeskApi } from '../api/api-client';
import { bookingErrorText } from './booking-error-text';
import { SlotSelects, useFreeSlots } from './free-slots';
import { PeselField } from './pesel-field';
import { Modal } from './modal';
import { RadioOption } from './radio-option';
import { VisitDone, visitWhen } from './visit-done';

type Action = 'cancel' | 'move';
type Done = { kind: 'cancelled'; visit: VisitSummary } | { kind: 'moved'; visit: VisitSummary };

/**
 * "Wizyty": the clerk finds a visit booked at the branch by its code and the client's PESEL
 * (checked fully first), then cancels it or moves it to a free day and hour of its service; a
 * moved visit gets a new code, shown and printed like a follow-up's. Refusals in the clerk's language.
 */
export function VisitsDialog(props: { api: DeskApi; services: Service[]; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language in { pl: 1, en: 1, uk: 1 } ? i18n.language : 'pl') as Lang;
  const [code, setCode] = useState('');
  const [pesel, setPesel] = useState('');
  const [visit, setVisit] = useState<VisitSummary | null>(null);
  const [action, setAction] = useState<Action>('move');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const slots = useFreeSlots(props.api, visit && action === 'move' ? visit.serviceId : '', (e) =>
    setError(bookingErrorText(t, e)),
  );
  const serviceName = (id: string) => props.services.find((s) => s.id === id)?.names[lang] ?? id;

  async function run(step: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (e) {
      setError(bookingErrorText(t, e));
      if (visit && action === 'move') await slots.refresh();
    } finally {
      setBusy(false);
    }
  }
  const findReady = !busy && code.length >= 6 && peselProblem(pesel) === null;
  const changeReady = !busy && (action === 'cancel' || slots.start !== '');
  const confirm = () => {
    if (!visit) {
      if (findReady) void run(async () => setVisit(await props.api.findVisit(code, pesel)));
      return;
    }
    if (!changeReady) return;
    void run(async () => {
      if (action === 'cancel')
        setDone({ kind: 'cancelled', visit: await props.api.cancelVisit(visit.code, pesel) });
      else {
        const r = await props.api.rebookVisit(visit.code, pesel, slots.start);
        setDone({ kind: 'moved', visit: r.visit });
      }
      setPesel('');
    });
  };

  if (done)
    return (
      <VisitDone
        title={t(done.kind === 'moved' ? 'visits.moved' : 'visits.cancelled')}
        visit={done.visit}
        serviceName={serviceName(done.visit.serviceId)}
        fresh={done.kind === 'moved'}
        lang={lang}
        testIds={['visits-new-code', 'visits-done-when', 'visits-done', 'visits-print']}
        onClose={props.onClose}
      >
        {t(done.kind === 'moved' ? 'visits.tellNewCode' : 'visits.cancelledText', {
          code: done.visit.code,
        })}
      </VisitDone>
    );

  return (
    <Modal
      title={t('visits.heading')}
      onConfirm={confirm}
      onCancel={props.onClose}
      confirmDisabled={visit ? !changeReady : !findReady}
    >
      {!visit && (
        <>
          <label>
            {t('visits.code')}
            <input
              value={code}
              onChange={(e) =>
                setCode(
                  e.target.value
                    .toUpperCase()
                    .replace(/[^A-Z0-9]/g, '')
                    .slice(0, 12),
                )
              }
              autoComplete="off"
              spellCheck={false}
              data-testid="visits-code"
            />
          </label>
          <PeselField value={pesel} onChange={setPesel} testId="visits-pesel" />
        </>
      )}
      {visit && (
        <>
          <dl className="visit-facts" data-testid="visits-found">
            <dt>{t('visits.code')}</dt>
            <dd>{visit.code}</dd>
            <dt>{t('followUp.service')}</dt>
            <dd>{serviceName(visit.serviceId)}</dd>
            <dt>{t('visits.when')}</dt>
            <dd data-testid="visits-when">{visitWhen(visit, lang, t)}</dd>
          </dl>
          <fieldset>
            <legend>{t('visits.action')}</legend>
            {(['move', 'cancel'] as const).map((a) => (
              <RadioOption
                key={a}
                name="visit-action"
                value={a}
                selected={action}
                onSelect={setAction}
              >
                {t(`visits.actions.${a}`)}
              </RadioOption>
            ))}
          </fieldset>
          {action === 'move' && <SlotSelects slots={slots} lang={lang} testId="visits" />}
        </>
      )}
      {error && (
        <p className="error" role="alert" data-testid="visits-error">
          {error}
        </p>
      )}
    </Modal>
  );
}
