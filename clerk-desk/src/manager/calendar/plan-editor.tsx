import type { Counter, Service } from '@skr/protocol';
import type { CalendarPlan } from '@skr/protocol/calendar';
import { isSkrError } from '@skr/protocol/errors';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagerApi } from '../api';
import { NumberField } from '../config/number-field';
import { errorText } from '../error-text';
import type { CalendarNames } from './names';
import { PlanBlocks } from './plan-blocks';
import { PlanExceptions } from './plan-exceptions';
import { StrandedList, type StrandedVisit } from './stranded-list';

/** Props of {@link PlanEditor}. */
interface PlanEditorProps {
  api: ManagerApi;
  plan: CalendarPlan;
  services: readonly Service[];
  counters: readonly Counter[];
  names: CalendarNames;
  day: string;
  canEdit: boolean;
  /** Called after a save with the plan now in force. */
  onSaved: (plan: CalendarPlan) => void;
}

type Outcome =
  | { kind: 'saved'; stranded: StrandedVisit[] }
  | { kind: 'stranded'; stranded: StrandedVisit[] }
  | { kind: 'error'; text: string };

/** The plan editor: weekly blocks, exceptions and shares; a change stranding visits asks first. */
export function PlanEditor(p: PlanEditorProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CalendarPlan>(p.plan);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = (patch: Partial<CalendarPlan>) => {
    setDraft({ ...draft, ...patch });
    // An edited draft is another change: a list shown for the previous one no longer applies.
    if (outcome?.kind === 'stranded') setOutcome(null);
  };

  async function save(acceptStranded: boolean) {
    setBusy(true);
    try {
      const r = await p.api.saveCalendarPlan(draft, acceptStranded);
      setOutcome({ kind: 'saved', stranded: r.stranded });
      p.onSaved(r.plan);
    } catch (e) {
      const list = isSkrError(e, 'CONFLICT') ? e.details?.stranded : undefined;
      setOutcome(
        Array.isArray(list) && e instanceof Error
          ? { kind: 'stranded', stranded: list as StrandedVisit[] }
          : { kind: 'error', text: errorText(t, e) },
      );
    } finally {
      setBusy(false);
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };

  return (
    <form className="mgr-card cal-plan" aria-labelledby="cal-plan-h" onSubmit={submit}>
      <h2 id="cal-plan-h">{t('calendar.plan')}</h2>
      <PlanBlocks
        blocks={draft.blocks}
        onChange={(blocks) => edit({ blocks })}
        services={p.services}
        counters={p.counters}
        names={p.names}
        canEdit={p.canEdit}
      />
      <PlanExceptions
        exceptions={draft.exceptions}
        onChange={(exceptions) => edit({ exceptions })}
        counters={p.counters}
        names={p.names}
        day={p.day}
        canEdit={p.canEdit}
      />
      <fieldset className="cal-shares" disabled={!p.canEdit}>
        <legend>{t('calendar.shares')}</legend>
        <NumberField
          label={t('calendar.walkInShare')}
          value={draft.walkInSharePercent}
          min={0}
          max={100}
          onValue={(walkInSharePercent) => edit({ walkInSharePercent })}
        />
        <NumberField
          label={t('calendar.portalShare')}
          value={draft.portalSharePercent}
          min={0}
          max={100}
          onValue={(portalSharePercent) => edit({ portalSharePercent })}
        />
      </fieldset>
      {p.canEdit && (
        <button type="submit" disabled={busy}>
          {t('calendar.save')}
        </button>
      )}
      {outcome?.kind === 'error' && (
        <p role="alert" className="mgr-error">
          {outcome.text}
        </p>
      )}
      {outcome?.kind === 'saved' && (
        <div role="status" className="mgr-ok">
          <p>
            {outcome.stranded.length === 0
              ? t('calendar.saved')
              : t('calendar.savedStranded', { count: outcome.stranded.length })}
          </p>
          {outcome.stranded.length > 0 && (
            <StrandedList visits={outcome.stranded} names={p.names} />
          )}
        </div>
      )}
      {outcome?.kind === 'stranded' && (
        <div role="alert" className="cal-stranded" data-testid="stranded-confirm">
          <p>{t('calendar.strandedAsk', { count: outcome.stranded.length })}</p>
          <StrandedList visits={outcome.stranded} names={p.names} />
          <button type="button" disabled={busy} onClick={() => void save(true)}>
            {t('calendar.applyAnyway')}
          </button>{' '}
          <button type="button" onClick={() => setOutcome(null)}>
            {t('calendar.keepPlan')}
          </button>
        </div>
      )}
    </form>
  );
}
