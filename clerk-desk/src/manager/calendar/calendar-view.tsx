import type { BranchConfig } from '@skr/protocol/manager';
import { CalendarPlan, type DaySlot, type PublicHolidayId } from '@skr/protocol/calendar';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { branchClock } from '../../ui/branch-time';
import type { ManagerApi } from '../api';
import { errorText } from '../error-text';
import { DayView } from './day-view';
import { calendarNames } from './names';
import { PlanEditor } from './plan-editor';

/** A branch without a plan starts from an empty week with the default shares and rules. */
const EMPTY_PLAN = (): CalendarPlan => CalendarPlan.parse({ blocks: [] });

/** The calendar of booked visits: the plan editor and a day's slots, booked against capacity. */
export function CalendarView({ api, canEdit }: { api: ManagerApi; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [config, setConfig] = useState<BranchConfig | null>(null);
  const [plan, setPlan] = useState<CalendarPlan | null>(null);
  const [day, setDay] = useState(() => branchClock.day());
  const [slots, setSlots] = useState<DaySlot[] | null>(null);
  const [holiday, setHoliday] = useState<PublicHolidayId | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    Promise.all([api.config(), api.calendarPlan()]).then(([c, p]) => {
      setConfig(c);
      setPlan(p.plan ?? EMPTY_PLAN());
    }, setError);
  }, [api]);
  const loadDay = useCallback(
    (d: string) =>
      api.calendarDay(d).then(
        (r) => {
          setSlots(r.slots);
          setHoliday(r.publicHoliday);
        },
        (e: unknown) => setError(e),
      ),
    [api],
  );
  useEffect(() => {
    void loadDay(day);
  }, [day, loadDay]);
  const names = calendarNames(config?.services ?? [], config?.counters ?? [], i18n.language);
  return (
    <div className="mgr-calendar">
      {error !== null && (
        <p role="alert" className="mgr-error">
          {errorText(t, error)}
        </p>
      )}
      <DayView day={day} onDay={setDay} slots={slots} holiday={holiday} names={names} />
      {config && plan && (
        <PlanEditor
          api={api}
          plan={plan}
          services={config.services.filter((s) => s.active)}
          counters={config.counters}
          names={names}
          day={day}
          canEdit={canEdit}
          onSaved={(p) => {
            setPlan(p);
            void loadDay(day);
          }}
        />
      )}
    </div>
  );
}
