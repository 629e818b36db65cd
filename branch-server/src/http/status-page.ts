// The public status page of a branch, rendered on the server: no script, refreshed by the
// browser every 30 s, readable by screen readers (a table with header cells and a caption).
import type { Lang } from '@skr/protocol';
import type { PublicBranchStatus } from '@skr/protocol/public-status';
import { formatLocalDateTime } from '@skr/protocol/time-zone';

const TEXT: Record<Lang, Record<string, string>> = {
  pl: {
    title: 'Kolejka w oddziale',
    caption: 'Sprawy, osoby w kolejce i przewidywany czas oczekiwania',
    service: 'Sprawa',
    waiting: 'Czeka',
    serving: 'Obsługiwany numer',
    wait: 'Czas oczekiwania',
    counters: 'Otwarte stanowiska',
    slot: 'Najbliższa wolna wizyta',
    none: 'brak',
    minutes: 'ok. {n} min',
    cutoff: 'na dziś brak miejsc w kolejce',
    updated: 'Stan na {t}. Strona odświeża się co 30 sekund.',
  },
  en: {
    title: 'Queue at the branch',
    caption: 'Services, people waiting and the expected wait',
    service: 'Service',
    waiting: 'Waiting',
    serving: 'Now serving',
    wait: 'Expected wait',
    counters: 'Open counters',
    slot: 'Next free visit',
    none: 'none',
    minutes: 'about {n} min',
    cutoff: 'no more walk-ins today',
    updated: 'As of {t}. The page refreshes every 30 seconds.',
  },
  uk: {
    title: 'Черга у відділенні',
    caption: 'Справи, люди в черзі та очікуваний час',
    service: 'Справа',
    waiting: 'Чекають',
    serving: 'Обслуговується номер',
    wait: 'Час очікування',
    counters: 'Відкриті віконця',
    slot: 'Найближчий вільний візит',
    none: 'немає',
    minutes: 'бл. {n} хв',
    cutoff: 'на сьогодні місць у черзі немає',
    updated: 'Стан на {t}. Сторінка оновлюється кожні 30 секунд.',
  },
};

/** Escapes text for HTML content and attribute values. */
function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** The page for `status` in `lang`. */
export function renderStatusPage(status: PublicBranchStatus, lang: Lang): string {
  const t = TEXT[lang];
  const when = (iso: string) => formatLocalDateTime(iso, status.timeZone);
  const rows = status.services
    .map(
      (s) =>
        `<tr><th scope="row">${esc(s.names[lang] ?? s.names.pl)}</th><td>${s.waiting}</td>` +
        `<td>${esc(s.nowServing ?? '—')}</td>` +
        // A service cut off for walk-ins says so instead of a wait nobody can join (issue 14).
        `<td>${esc(s.walkInsClosedToday ? t.cutoff! : t.minutes!.replace('{n}', String(s.estimatedWaitMinutes)))}</td>` +
        `<td>${s.openCounters}</td>` +
        `<td>${s.nextFreeSlot ? esc(when(s.nextFreeSlot)) : esc(t.none!)}</td></tr>`,
    )
    .join('\n');
  const langs = (['pl', 'en', 'uk'] as const)
    .map((l) =>
      l === lang ? `<strong>${l}</strong>` : `<a href="?lang=${l}" lang="${l}">${l}</a>`,
    )
    .join(' · ');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="30">
<title>${esc(t.title!)}</title>
<link rel="stylesheet" href="/status.css">
</head>
<body>
<main>
<h1>${esc(t.title!)}</h1>
<nav aria-label="Język / Language / Мова">${langs}</nav>
<table>
<caption>${esc(t.caption!)}</caption>
<thead><tr><th scope="col">${esc(t.service!)}</th><th scope="col">${esc(t.waiting!)}</th><th scope="col">${esc(t.serving!)}</th><th scope="col">${esc(t.wait!)}</th><th scope="col">${esc(t.counters!)}</th><th scope="col">${esc(t.slot!)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p>${esc(t.updated!.replace('{t}', when(status.at)))}</p>
</main>
</body>
</html>
`;
}

/** The page's style sheet (served as a file: the page policy allows no inline style). */
export const STATUS_CSS = `body{font-family:system-ui,sans-serif;margin:0;padding:1rem;color:#111;background:#fff}
main{max-width:60rem;margin:0 auto}h1{font-size:1.6rem}
table{border-collapse:collapse;width:100%;font-size:1.1rem}caption{text-align:left;padding:.5rem 0}
th,td{border-bottom:1px solid #999;padding:.5rem;text-align:left}thead th{background:#003c7d;color:#fff}
a{color:#003c7d}
`;
