import type { Service } from '@skr/protocol';
import type { StatsPeriod, StatsReport } from '@skr/protocol/manager';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { branchClock } from '../../ui/branch-time';
import { SelectField, optionsOf } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import type { ManagerApi } from '../api';
import { ErrorAlert } from '../error-alert';
import { openWindow, type OpenWindow } from './arrival-hours';
import { NoShowRate } from './no-show-rate';
import { StatsCharts } from './stats-charts';
import { DataTable, statsColumns } from './stats-table';

const PERIODS: readonly StatsPeriod[] = ['day', 'week', 'month'];

/** Today on the branch's calendar (a UTC PC would otherwise show yesterday before 01:00). */
const today = () => branchClock.day();

/** Statistics of a day, week or month: summary, charts, tables with CSV export. */
export function StatsView({ api }: { api: ManagerApi }) {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState<StatsPeriod>('day');
  const [date, setDate] = useState(today);
  const [loaded, setReport] = useState<StatsReport | null>(null);
  const [services, setServices] = useState<readonly Service[]>([]);
  // The report names services in Polish; the page shows them in its own language.
  const report = useMemo(() => {
    if (!loaded) return null;
    const lang = i18n.language as keyof Service['names'];
    const names = new Map(services.map((s) => [s.id, s.names[lang] ?? s.names.pl]));
    const byService = loaded.byService.map((r) => ({ ...r, label: names.get(r.key) ?? r.label }));
    return { ...loaded, byService };
  }, [loaded, services, i18n.language]);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    async (p: StatsPeriod, d: string) => {
      try {
        setError(null);
        setReport(await api.stats(p, d));
      } catch (e) {
        setError(e);
      }
    },
    [api],
  );
  // The opening hours decide where the arrivals chart starts at the latest (issue 12).
  const [open, setOpen] = useState<OpenWindow | undefined>(undefined);
  useEffect(() => {
    void load('day', today());
    api.config().then(
      (c) => {
        setOpen(openWindow(c.services));
        setServices(c.services);
      },
      () => setOpen(undefined),
    );
  }, [load, api]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(period, date);
  };
  const file = (name: string) => `skr-${name}-${report?.period}-${report?.from}.csv`;
  return (
    <div className="mgr-stats">
      <form className="mgr-card mgr-controls" onSubmit={submit}>
        <SelectField
          label={`${t('stats.period')} `}
          value={period}
          options={optionsOf(PERIODS, (p) => t(`stats.periods.${p}`))}
          onValue={setPeriod}
        />
        <TextField
          label={`${t('stats.date')} `}
          type="date"
          value={date}
          onValue={setDate}
          required
        />
        <button type="submit">{t('stats.show')}</button>
        {report && (
          <span className="mgr-range" role="status">
            {t('stats.range', { from: report.from, to: report.to })} ·{' '}
            {t('stats.took', { ms: report.tookMs })}
          </span>
        )}
      </form>
      <ErrorAlert error={error} />
      {report && (
        <>
          <section className="mgr-tiles" aria-label={t('stats.totals')} data-testid="totals">
            {(
              [
                ['issued', report.total.issued],
                ['served', report.total.served],
                ['noShows', report.total.noShows],
                ['bookingsKept', report.total.bookingsKept],
                ['bookingsMissed', report.total.bookingsMissed],
                ['waitMedian', report.total.wait.median],
                ['waitP90', report.total.wait.p90],
                ['serviceMean', report.total.service.mean],
              ] as const
            ).map(([k, v]) => (
              <div key={k} className="tile">
                <span className="tile-label">{t(`stats.col.${k}`)}</span>
                <span className="tile-value">{v ?? '—'}</span>
              </div>
            ))}
          </section>
          <StatsCharts report={report} open={open} />
          <DataTable
            id="by-service"
            title={t('stats.byService')}
            rows={[...report.byService, { ...report.total, label: t('stats.total') }]}
            columns={statsColumns(t, t('monitor.service'))}
            fileName={file('sprawy')}
          />
          {report.noShowRate && (
            <NoShowRate
              rates={report.noShowRate}
              serviceName={(id) => report.byService.find((r) => r.key === id)?.label ?? id}
              file={file}
            />
          )}
          {(
            [
              ['by-counter', t('stats.byCounter'), report.byCounter, 'stanowiska'],
              ['by-clerk', t('stats.byClerk'), report.byClerk, 'urzednicy'],
            ] as const
          ).map(([id, title, rows, name]) => (
            <DataTable
              key={id}
              id={id}
              title={title}
              rows={rows}
              columns={statsColumns(t, t('stats.col.label'), false)}
              fileName={file(name)}
            />
          ))}
          <DataTable
            id="by-hour"
            title={t('stats.byHour')}
            rows={report.byHour.filter((h) => h.issued > 0)}
            columns={[
              {
                header: t('stats.col.hour'),
                value: (h) => `${String(h.hour).padStart(2, '0')}:00`,
              },
              { header: t('stats.col.issued'), value: (h) => h.issued },
            ]}
            fileName={file('godziny')}
          />
          <p className="mgr-note">{t('stats.note')}</p>
        </>
      )}
    </div>
  );
}
