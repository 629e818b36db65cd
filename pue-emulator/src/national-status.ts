// "Kolejki w placówkach": every branch pushes its public status here each minute (latest
// wins, kept in memory: a status older than a few minutes is worth nothing anyway); anyone
// reads the national list as JSON or as a page that says how old each branch's figures are.
import type { FastifyInstance } from 'fastify';
import type { NationalStatus, PublicBranchStatus } from '@skr/protocol/public-status';
import { portalApi } from '@skr/protocol/routes';
import { formatLocalDateTime } from '@skr/protocol/time-zone';
import { serve } from './api-route';
import type { PueContext } from './context';
import { nowIso } from './context';

type Entry = NationalStatus['branches'][number];

/** Escapes text for HTML. */
function esc(s: string): string {
  return s.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!,
  );
}

/** One row of the national page: a branch's totals, its best wait and its next free slot. */
function row(e: Entry, now: number): string {
  const waiting = e.services.reduce((n, s) => n + s.waiting, 0);
  const best = Math.min(...e.services.map((s) => s.estimatedWaitMinutes));
  const slot = e.services
    .map((s) => s.nextFreeSlot)
    .filter((s): s is string => s !== null)
    .sort()[0];
  const age = Math.max(0, Math.round((now - Date.parse(e.receivedAt)) / 60_000));
  return (
    `<tr><th scope="row">${esc(e.branchId)}</th><td>${waiting}</td><td>${e.openCounters}</td>` +
    `<td>${Number.isFinite(best) ? `ok. ${best} min` : '—'}</td>` +
    `<td>${slot ? esc(formatLocalDateTime(slot, e.timeZone)) : 'brak'}</td>` +
    `<td>${age === 0 ? 'teraz' : `${age} min temu`}</td></tr>`
  );
}

/** The national page in Polish (the portal's public pages are Polish first). */
function page(list: NationalStatus): string {
  const now = Date.parse(list.at);
  return `<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="60"><title>Kolejki w placówkach ZUS</title></head>
<body><main><h1>Kolejki w placówkach ZUS</h1>
<table><caption>Osoby w kolejce, otwarte stanowiska, najkrótszy czas oczekiwania i najbliższa wolna wizyta w każdej placówce</caption>
<thead><tr><th scope="col">Placówka</th><th scope="col">Czeka</th><th scope="col">Otwarte stanowiska</th><th scope="col">Najkrótsze oczekiwanie</th><th scope="col">Najbliższa wolna wizyta</th><th scope="col">Dane z</th></tr></thead>
<tbody>
${list.branches.map((e) => row(e, now)).join('\n')}
</tbody></table></main></body></html>
`;
}

/** Registers PUT /v1/branches/{id}/status, GET /v1/public/status and the page /kolejki. */
export function registerStatusRoutes(app: FastifyInstance, ctx: PueContext): void {
  const latest = new Map<string, Entry>();
  const national = (): NationalStatus => ({
    at: nowIso(ctx),
    branches: [...latest.values()].sort((a, b) => a.branchId.localeCompare(b.branchId)),
  });
  serve(app, 'pushStatus', portalApi.pushStatus, (req, reply, branchId) => {
    const status: PublicBranchStatus = req.body;
    // The key proved the branch of the path; the body cannot speak for another one.
    latest.set(branchId, { ...status, branchId, receivedAt: nowIso(ctx) });
    return reply.status(204).send();
  });
  serve(app, 'nationalStatus', portalApi.nationalStatus, () => national());
  app.get('/kolejki', (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(page(national())),
  );
}
