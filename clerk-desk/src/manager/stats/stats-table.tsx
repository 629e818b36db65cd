import type { StatsRow } from '@skr/protocol/manager';
import { useTranslation } from 'react-i18next';
import { downloadCsv, toCsv, type CsvColumn } from '../csv';

/** A table of rows and its CSV export (the same columns, the same numbers). */
export function DataTable<R>({
  id,
  title,
  rows,
  columns,
  fileName,
}: {
  id: string;
  title: string;
  rows: readonly R[];
  columns: readonly CsvColumn<R>[];
  fileName: string;
}) {
  const { t } = useTranslation();
  const fmt = (v: string | number | null) => (v === null ? '—' : v);
  return (
    <section className="mgr-card" aria-labelledby={`${id}-h`} data-testid={id}>
      <div className="mgr-card-head">
        <h2 id={`${id}-h`}>{title}</h2>
        <button
          onClick={() => downloadCsv(fileName, toCsv(rows, columns))}
          aria-label={`${t('stats.csv')}: ${title}`}
        >
          {t('stats.csv')}
        </button>
      </div>
      {rows.length === 0 ? (
        <p>{t('stats.empty')}</p>
      ) : (
        // A table wider than its card scrolls; the keyboard reaches the scroller (WCAG 2.1.1).
        <div className="mgr-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-h`}>
          <table className="mgr-table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col">
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {columns.map((c, j) =>
                    j === 0 ? (
                      <th key={c.header} scope="row">
                        {fmt(c.value(r))}
                      </th>
                    ) : (
                      <td key={c.header}>{fmt(c.value(r))}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * The columns of a service / counter / clerk table. Counters and clerks show what they did
 * (served, no-shows, times): tickets are issued to a service, not to a counter.
 */
export function statsColumns(
  t: (k: string) => string,
  first: string,
  perService = true,
): CsvColumn<StatsRow>[] {
  const serviceOnly: CsvColumn<StatsRow>[] = [
    { header: t('stats.col.issued'), value: (r) => r.issued },
    { header: t('stats.col.served'), value: (r) => r.served },
    { header: t('stats.col.noShows'), value: (r) => r.noShows },
    { header: t('stats.col.cancelled'), value: (r) => r.cancelled },
    { header: t('stats.col.expired'), value: (r) => r.expired },
    { header: t('stats.col.bookingsKept'), value: (r) => r.bookingsKept },
    { header: t('stats.col.bookingsMissed'), value: (r) => r.bookingsMissed },
  ];
  return [
    { header: first, value: (r) => r.label },
    ...(perService
      ? serviceOnly
      : [
          { header: t('stats.col.served'), value: (r: StatsRow) => r.served },
          { header: t('stats.col.noShows'), value: (r: StatsRow) => r.noShows },
        ]),
    { header: t('stats.col.waitMean'), value: (r) => r.wait.mean },
    { header: t('stats.col.waitMedian'), value: (r) => r.wait.median },
    { header: t('stats.col.waitP90'), value: (r) => r.wait.p90 },
    { header: t('stats.col.serviceMean'), value: (r) => r.service.mean },
    { header: t('stats.col.serviceMedian'), value: (r) => r.service.median },
    { header: t('stats.col.serviceP90'), value: (r) => r.service.p90 },
  ];
}
