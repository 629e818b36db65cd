import type { StatsReport } from '@skr/protocol/manager';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';

// Fixed sizes: the charts sit in cards of a known width, and tests get the same picture.
const W = 520;
const H = 260;
// Colours with ≥ 4.5:1 contrast on white.
const BLUE = '#1f5fa8';
const GREEN = '#2b6e35';
const RED = '#a3291e';
const GREY = '#545f6b';

/** Tickets and waits per matter, arrivals per hour (Recharts). */
export function StatsCharts({ report }: { report: StatsReport }) {
  const { t } = useTranslation();
  const services = report.byService.map((r) => ({
    name: r.label.length > 14 ? `${r.label.slice(0, 13)}…` : r.label,
    issued: r.issued,
    served: r.served,
    noShows: r.noShows,
    median: r.wait.median ?? 0,
    p90: r.wait.p90 ?? 0,
  }));
  const hours = report.byHour.filter((h) => h.hour >= 6 && h.hour <= 20);
  return (
    <div className="mgr-charts">
      <figure className="mgr-card" aria-label={t('stats.chartTickets')}>
        <figcaption>{t('stats.chartTickets')}</figcaption>
        <BarChart width={W} height={H} data={services}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="name"
            fontSize={11}
            interval={0}
            angle={-20}
            textAnchor="end"
            height={50}
          />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar
            dataKey="issued"
            name={t('stats.col.issued')}
            fill={BLUE}
            isAnimationActive={false}
          />
          <Bar
            dataKey="served"
            name={t('stats.col.served')}
            fill={GREEN}
            isAnimationActive={false}
          />
          <Bar
            dataKey="noShows"
            name={t('stats.col.noShows')}
            fill={RED}
            isAnimationActive={false}
          />
        </BarChart>
      </figure>
      <figure className="mgr-card" aria-label={t('stats.chartWaits')}>
        <figcaption>{t('stats.chartWaits')}</figcaption>
        <BarChart width={W} height={H} data={services}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="name"
            fontSize={11}
            interval={0}
            angle={-20}
            textAnchor="end"
            height={50}
          />
          <YAxis />
          <Tooltip />
          <Legend />
          <Bar
            dataKey="median"
            name={t('stats.col.waitMedian')}
            fill={BLUE}
            isAnimationActive={false}
          />
          <Bar dataKey="p90" name={t('stats.col.waitP90')} fill={GREY} isAnimationActive={false} />
        </BarChart>
      </figure>
      <figure className="mgr-card" aria-label={t('stats.chartHours')}>
        <figcaption>{t('stats.chartHours')}</figcaption>
        <BarChart width={W} height={H} data={hours}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="hour" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar
            dataKey="issued"
            name={t('stats.col.issued')}
            fill={BLUE}
            isAnimationActive={false}
          />
        </BarChart>
      </figure>
    </div>
  );
}
