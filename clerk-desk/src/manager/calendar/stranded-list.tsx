import { useTranslation } from 'react-i18next';
import type { CalendarNames } from './names';
import { branchClock } from '../../ui/branch-time';
import { TableHead } from '../../ui/table-head';

/** A visit a plan change would leave (or left) without a place. */
export interface StrandedVisit {
  code: string;
  start: string;
  serviceId: string;
}

/** The visits a plan change strands, by day and hour in the branch's zone, with their codes. */
export function StrandedList({ visits, names }: { visits: StrandedVisit[]; names: CalendarNames }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="mgr-table" data-testid="stranded">
      <TableHead
        columns={[t('calendar.code'), t('calendar.day'), t('calendar.hour'), t('calendar.service')]}
      />
      <tbody>
        {visits.map((v) => (
          <tr key={v.code}>
            <td>{v.code}</td>
            <td>{branchClock.day(v.start)}</td>
            <td>{branchClock.time(v.start, i18n.language)}</td>
            <td>{names.service(v.serviceId)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
