import type { Counter, Service } from '@skr/protocol';
import type { PlanBlock } from '@skr/protocol/calendar';
import { useTranslation } from 'react-i18next';
import type { CalendarNames } from './names';
import { RemoveRowButton } from './remove-row-button';

/** ISO weekdays, Monday first. */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Props of {@link PlanBlocks}. */
interface PlanBlocksProps {
  blocks: PlanBlock[];
  onChange: (blocks: PlanBlock[]) => void;
  services: readonly Service[];
  counters: readonly Counter[];
  names: CalendarNames;
  canEdit: boolean;
}

/** The weekly plan as rows: weekday, hours, counter and the services it takes then. */
export function PlanBlocks({
  blocks,
  onChange,
  services,
  counters,
  names,
  canEdit,
}: PlanBlocksProps) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<PlanBlock>) =>
    onChange(blocks.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const toggle = (i: number, id: string) => {
    const ids = blocks[i]!.serviceIds;
    set(i, { serviceIds: ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id] });
  };
  const add = () =>
    onChange([
      ...blocks,
      {
        weekday: 1,
        from: '08:00',
        to: '12:00',
        counterId: String(counters[0]?.id ?? '1'),
        serviceIds: services[0] ? [services[0].id] : [],
      },
    ]);
  return (
    <fieldset className="cal-blocks" disabled={!canEdit}>
      <legend>{t('calendar.weekly')}</legend>
      <table className="mgr-table" data-testid="plan-blocks">
        <thead>
          <tr>
            <th scope="col">{t('calendar.weekday')}</th>
            <th scope="col">{t('calendar.from')}</th>
            <th scope="col">{t('calendar.to')}</th>
            <th scope="col">{t('calendar.counter')}</th>
            <th scope="col">{t('calendar.services')}</th>
            <th scope="col">
              <span className="sr-only">{t('calendar.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {blocks.map((b, i) => {
            const row = t('calendar.row', { n: i + 1 });
            return (
              <tr key={i} data-testid={`block-${i}`}>
                <td>
                  <select
                    aria-label={`${t('calendar.weekday')} (${row})`}
                    value={b.weekday}
                    onChange={(e) => set(i, { weekday: Number(e.target.value) })}
                  >
                    {WEEKDAYS.map((d) => (
                      <option key={d} value={d}>
                        {t(`calendar.days.${d}`)}
                      </option>
                    ))}
                  </select>
                </td>
                {(['from', 'to'] as const).map((k) => (
                  <td key={k}>
                    <input
                      type="time"
                      step={300}
                      aria-label={`${t(`calendar.${k}`)} (${row})`}
                      value={b[k]}
                      onChange={(e) => set(i, { [k]: e.target.value })}
                    />
                  </td>
                ))}
                <td>
                  <select
                    aria-label={`${t('calendar.counter')} (${row})`}
                    value={b.counterId}
                    onChange={(e) => set(i, { counterId: e.target.value })}
                  >
                    {!counters.some((c) => String(c.id) === b.counterId) && (
                      <option value={b.counterId}>{b.counterId}</option>
                    )}
                    {counters.map((c) => (
                      <option key={c.id} value={String(c.id)}>
                        {names.counter(String(c.id))}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <div className="cal-services">
                    {services.map((s) => (
                      <label key={s.id}>
                        <input
                          type="checkbox"
                          checked={b.serviceIds.includes(s.id)}
                          onChange={() => toggle(i, s.id)}
                        />{' '}
                        {names.service(s.id)}
                      </label>
                    ))}
                  </div>
                </td>
                <td>
                  <RemoveRowButton rows={blocks} index={i} row={row} onChange={onChange} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" onClick={add}>
        {t('calendar.addBlock')}
      </button>
    </fieldset>
  );
}
