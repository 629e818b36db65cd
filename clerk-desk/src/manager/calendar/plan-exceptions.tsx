import type { Counter } from '@skr/protocol';
import type { CalendarException } from '@skr/protocol/calendar';
import { useTranslation } from 'react-i18next';
import type { CalendarNames } from './names';
import { RemoveRowButton } from './remove-row-button';

/** Props of {@link PlanExceptions}. */
interface PlanExceptionsProps {
  exceptions: CalendarException[];
  onChange: (exceptions: CalendarException[]) => void;
  counters: readonly Counter[];
  names: CalendarNames;
  /** The day a new exception starts on (the day the manager is looking at). */
  day: string;
  canEdit: boolean;
}

/** Days off for the whole branch and counters closed for a day. */
export function PlanExceptions(p: PlanExceptionsProps) {
  const { t } = useTranslation();
  const { exceptions, onChange, counters } = p;
  const set = (i: number, next: CalendarException) =>
    onChange(exceptions.map((x, j) => (j === i ? next : x)));
  const firstCounter = String(counters[0]?.id ?? '1');
  return (
    <fieldset className="cal-exceptions" disabled={!p.canEdit}>
      <legend>{t('calendar.exceptions')}</legend>
      {exceptions.length === 0 && <p>{t('calendar.noExceptions')}</p>}
      <ul data-testid="plan-exceptions">
        {exceptions.map((x, i) => {
          const row = t('calendar.row', { n: i + 1 });
          return (
            <li key={i}>
              <select
                aria-label={`${t('calendar.kind')} (${row})`}
                value={x.kind}
                onChange={(e) =>
                  set(
                    i,
                    e.target.value === 'holiday'
                      ? { kind: 'holiday', day: x.day, note: x.note }
                      : {
                          kind: 'counter-closed',
                          day: x.day,
                          counterId: firstCounter,
                          note: x.note,
                        },
                  )
                }
              >
                <option value="holiday">{t('calendar.holiday')}</option>
                <option value="counter-closed">{t('calendar.counterClosed')}</option>
              </select>{' '}
              <input
                type="date"
                aria-label={`${t('calendar.day')} (${row})`}
                value={x.day}
                onChange={(e) => set(i, { ...x, day: e.target.value })}
              />{' '}
              {x.kind === 'counter-closed' && (
                <select
                  aria-label={`${t('calendar.counter')} (${row})`}
                  value={x.counterId}
                  onChange={(e) => set(i, { ...x, counterId: e.target.value })}
                >
                  {counters.map((c) => (
                    <option key={c.id} value={String(c.id)}>
                      {p.names.counter(String(c.id))}
                    </option>
                  ))}
                </select>
              )}{' '}
              <input
                aria-label={`${t('calendar.note')} (${row})`}
                placeholder={t('calendar.note')}
                value={x.note ?? ''}
                maxLength={200}
                onChange={(e) => set(i, { ...x, note: e.target.value || undefined })}
              />{' '}
              <RemoveRowButton rows={exceptions} index={i} row={row} onChange={onChange} />
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        onClick={() => onChange([...exceptions, { kind: 'holiday', day: p.day }])}
      >
        {t('calendar.addException')}
      </button>
    </fieldset>
  );
}
