import type { NoShowRates, NoShowRow } from '@skr/protocol/manager';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CsvColumn } from '../csv';
import { DataTable } from './stats-table';

/** "12,5%" of a 0..1 rate in the page's language, or null (a dash) when no visit was due. */
function percent(rate: number | null, lang: string): string | null {
  if (rate === null) return null;
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

function columns(
  t: TFunction,
  first: string,
  label: (k: string) => string,
): CsvColumn<NoShowRow>[] {
  const lang = document.documentElement.lang || 'pl';
  return [
    { header: first, value: (r) => label(r.key) },
    { header: t('stats.col.bookingsKept'), value: (r) => r.kept },
    { header: t('stats.col.bookingsMissed'), value: (r) => r.missed },
    { header: t('stats.col.noShowRate'), value: (r) => percent(r.rate, lang) },
  ];
}

/** The no-show rate of booked visits per day and per service, with the period's total. */
export function NoShowRate(props: {
  rates: NoShowRates;
  serviceName: (id: string) => string;
  file: (name: string) => string;
}) {
  const { t } = useTranslation();
  const total = { ...props.rates.total, key: t('stats.total') };
  return (
    <>
      <DataTable
        id="no-show-by-day"
        title={t('stats.noShowByDay')}
        rows={[...props.rates.byDay, total]}
        columns={columns(t, t('stats.date'), (k) => k)}
        fileName={props.file('nieobecnosci-dni')}
      />
      <DataTable
        id="no-show-by-service"
        title={t('stats.noShowByService')}
        rows={[...props.rates.byService, total]}
        columns={columns(t, t('monitor.service'), (k) =>
          k === total.key ? k : props.serviceName(k),
        )}
        fileName={props.file('nieobecnosci-sprawy')}
      />
    </>
  );
}
