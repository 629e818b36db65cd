import { bucketSql } from '../stats-buckets';

// SQL fragments of the statistics triggers (migration step 3). Each trigger pair (the live
// update and the import of an already finished ticket) runs the same body, so it is written once.

/** Minutes from the line entry to the first call of a ticket row (`NEW.` in a trigger, '' in a query). */
export function waitMinutes(row: string): string {
  return `(julianday(${row}called_at) - julianday(${row}line_at)) * 1440`;
}

/** Minutes from the start to the end of service of a ticket row (see `waitMinutes`). */
export function serviceMinutes(row: string): string {
  return `(julianday(${row}finished_at) - julianday(${row}started_at)) * 1440`;
}

// The ticket's clerk, or the counter's current one when the ticket has none yet.
const CLERK = `COALESCE(NEW.clerk, (SELECT clerk FROM counters WHERE id = NEW.counter_id), '')`;

/** Adds one ticket to the daily and monthly histograms of its service, counter and clerk. */
function histogramInsert(metric: 'w' | 's', minutes: string, where: string): string {
  return `    INSERT INTO stats_hist (dim, day, key, metric, b, counts)
      SELECT CASE WHEN p.monthly THEN upper(d.dim) ELSE d.dim END,
        CASE WHEN p.monthly THEN substr(NEW.day, 1, 7) ELSE NEW.day END, d.key, '${metric}',
        w.b, json_object(CAST(w.b AS TEXT), 1)
      FROM (SELECT 's' AS dim, NEW.service_id AS key
        UNION ALL SELECT 'c', CAST(COALESCE(NEW.counter_id, 0) AS TEXT)
        UNION ALL SELECT 'k', ${CLERK}) d,
        (SELECT 0 AS monthly UNION ALL SELECT 1) p,
        (SELECT ${bucketSql(minutes)} AS b) w
      WHERE ${where}
      ON CONFLICT DO UPDATE SET b = excluded.b, counts = json_set(counts, '$."' || excluded.b || '"',
        COALESCE(json_extract(counts, '$."' || excluded.b || '"'), 0) + 1);`;
}

/** Trigger body counting the wait of a ticket's first call (row `NEW`). */
export const WAIT_BODY = `    INSERT INTO stats_daily (day, service_id, counter_id, clerk, wait_n, wait_sum)
      SELECT NEW.day, NEW.service_id, COALESCE(NEW.counter_id, 0),
        ${CLERK}, 1,
        MAX(0, ${waitMinutes('NEW.')}) WHERE true
      ON CONFLICT DO UPDATE SET wait_n = wait_n + 1, wait_sum = wait_sum + excluded.wait_sum;
${histogramInsert('w', waitMinutes('NEW.'), 'true')}`;

/** Trigger body counting a ticket's final state and, when served, its service time (row `NEW`). */
export const FINAL_BODY = `    INSERT INTO stats_daily (day, service_id, counter_id, clerk, served, no_show, cancelled,
        service_n, service_sum)
      SELECT NEW.day, NEW.service_id, COALESCE(NEW.counter_id, 0),
        ${CLERK},
        NEW.state = 'done', NEW.state = 'no-show', NEW.state = 'cancelled', NEW.state = 'done',
        CASE WHEN NEW.state = 'done'
          THEN MAX(0, ${serviceMinutes('NEW.')}) ELSE 0 END
      WHERE true
      ON CONFLICT DO UPDATE SET served = served + excluded.served, no_show = no_show + excluded.no_show,
        cancelled = cancelled + excluded.cancelled, service_n = service_n + excluded.service_n,
        service_sum = service_sum + excluded.service_sum;
${histogramInsert('s', serviceMinutes('NEW.'), "NEW.state = 'done'")}`;

/** Backfill of one histogram family from the tickets already in the table. */
export function histogramBackfill(dim: 's' | 'c', metric: 'w' | 's', where: string): string {
  const key = dim === 's' ? 'service_id' : 'CAST(counter_id AS TEXT)';
  const minutes = metric === 'w' ? waitMinutes('') : serviceMinutes('');
  const counter = dim === 'c' ? ' AND counter_id IS NOT NULL' : '';
  return `  INSERT INTO stats_hist_rows
    SELECT '${dim}', day, ${key}, '${metric}',
      ${bucketSql(minutes)} AS b,
      COUNT(*) FROM tickets WHERE ${where}${counter} GROUP BY 2, 3, 5;`;
}
