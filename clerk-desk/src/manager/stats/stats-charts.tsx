import type { StatsReport } from '@skr/protocol/manager';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { arrivalHours, type OpenWindow } from './arrival-hours';

// Fixed sizes: the charts sit in cards of a known width, and tests get the same picture.
const W = 520;
const H = 260;
// Colours with ≥ 4.5:1 contrast on white.
const BLUE = '#1f5fa8';
const GREEN = '#2b6e35';
const RED = '#a3291e';
const GREY = '#545f6b';

/** One bar series: the field it plots, its legend name and colour. */
interface Series {
  key: string;
  name: string;
  fill: string;
}

/** Bars as data: the field each plots, the stats column naming it in the legend, its colour. */
type Bars = readonly (readonly [key: string, column: string, fill: string])[];

const COUNTS: Bars = [
  ['issued', 'issued', BLUE],
  ['served', 'served', GREEN],
  ['noShows', 'noShows', RED],
];
const WAITS: Bars = [
  ['median', 'waitMedian', BLUE],
  ['p90', 'waitP90', GREY],
];
const ARRIVALS: Bars = [['issued', 'issued', BLUE]];

/** Each chart: its title key, rows (per service or per hour), bars, whole numbers or not. */
const CHARTS = [
  ['chartTickets', 'services', COUNTS, true],
  ['chartWaits', 'services', WAITS, false],
  ['chartHours', 'hours', ARRIVALS, true],
] as const;

/** A titled bar chart; service names are slanted so that all of them fit under the bars. */
function BarCard(props: {
  title: string;
  data: object[];
  x: 'name' | 'hour';
  bars: Series[];
  /** Counts are whole numbers; waits are not. */
  integers: boolean;
}) {
  const slanted = props.x === 'name';
  return (
    <figure className="mgr-card" aria-label={props.title}>
      <figcaption>{props.title}</figcaption>
      <BarChart width={W} height={H} data={props.data}>
        <CartesianGrid strokeDasharray="3 3" />
        {slanted ? (
          <XAxis
            dataKey="name"
            fontSize={11}
            interval={0}
            angle={-20}
            textAnchor="end"
            height={50}
          />
        ) : (
          <XAxis dataKey={props.x} />
        )}
        <YAxis allowDecimals={!props.integers} />
        <Tooltip />
        {props.bars.length > 1 && <Legend />}
        {props.bars.map((b) => (
          <Bar key={b.key} dataKey={b.key} name={b.name} fill={b.fill} isAnimationActive={false} />
        ))}
      </BarChart>
    </figure>
  );
}

/** Tickets and waits per service, arrivals per hour (Recharts). */
export function StatsCharts({ report, open }: { report: StatsReport; open?: OpenWindow }) {
  const { t } = useTranslation();
  const services = report.byService.map((r) => ({
    name: r.label.length > 14 ? `${r.label.slice(0, 13)}…` : r.label,
    issued: r.issued,
    served: r.served,
    noShows: r.noShows,
    median: r.wait.median ?? 0,
    p90: r.wait.p90 ?? 0,
  }));
  const hours = arrivalHours(report.byHour, open);
  return (
    <div className="mgr-charts">
      {CHARTS.map(([title, rows, bars, integers]) => (
        <BarCard
          key={title}
          title={t(`stats.${title}`)}
          data={rows === 'services' ? services : hours}
          x={rows === 'services' ? 'name' : 'hour'}
          integers={integers}
          bars={bars.map(([key, column, fill]) => ({ key, name: t(`stats.col.${column}`), fill }))}
        />
      ))}
    </div>
  );
}
