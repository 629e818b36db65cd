import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createBranchClock } from '@skr/protocol/branch-clock';
import type { Lang } from '@skr/protocol/domain';
import { FollowContact } from './follow-contact';
import { POLL_MS, fetchPublicStatus, ticketIdFrom, type FollowResult } from './follow-status';
import { createI18n, pickLang } from './i18n';
import './follow.css';

// The phone's own zone and clock are anyone's: "updated at" is the server's time on the branch's
// wall clock (Europe/Warsaw until the first answer names the zone).
const branchClock = createBranchClock();

/** Polls the ticket's public status and shows number, state, people ahead and the counter. */
function Follow({ id }: { id: string | null }) {
  const { t, i18n } = useTranslation();
  const [result, setResult] = useState<FollowResult | null>(null);
  const [at, setAt] = useState<string | null>(null);
  useEffect(() => {
    if (!id) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const r = await fetchPublicStatus(window.location.origin, id);
      if (!alive) return;
      // A network blip keeps the last good answer on screen rather than an error.
      setResult((prev) => (r.kind === 'error' && r.code === 'DISCONNECTED' && prev ? prev : r));
      if (r.kind === 'ok') {
        branchClock.sync(r.status.branchTime);
        setAt(r.status.branchTime.now);
      }
      const final =
        r.kind === 'ok' && ['done', 'no-show', 'cancelled', 'expired'].includes(r.status.state);
      if (!final && !(r.kind === 'error' && r.code === 'NOT_FOUND'))
        timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [id]);

  let body;
  if (!id) body = <p className="note">{t('follow.noId')}</p>;
  else if (!result) body = <p className="note">{t('follow.loading')}</p>;
  else if (result.kind === 'error')
    body = (
      <p className="note" role="alert" data-testid="follow-error" data-code={result.code}>
        {result.code === 'NOT_FOUND'
          ? t('follow.notFound')
          : t(`errors.${result.code}`, t('errors.INTERNAL'))}
      </p>
    );
  else {
    const s = result.status;
    body = (
      <>
        <p className="number" data-testid="follow-number">
          {s.number}
        </p>
        <p className={`state state-${s.state}`} data-testid="follow-state" data-state={s.state}>
          {t(`follow.state.${s.state}`)}
        </p>
        {s.state === 'waiting' && (
          <p className="ahead" data-testid="follow-ahead" data-ahead={s.peopleAhead}>
            {s.peopleAhead === 0
              ? t('follow.aheadNone')
              : t('follow.ahead', { count: s.peopleAhead })}
          </p>
        )}
        {s.counterSign && (
          <p className="counter" data-testid="follow-counter">
            {t('follow.goTo', { counter: `${t('board.counter')} ${s.counterSign}` })}
          </p>
        )}
      </>
    );
  }
  const time = at
    ? branchClock.format(at, i18n.language, {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })
    : null;
  return (
    <main className="follow" aria-live="polite">
      <h1>{t('follow.title')}</h1>
      {body}
      {id && result?.kind === 'ok' && ['waiting', 'parked'].includes(result.status.state) && (
        // Only while a message can still help: never after the call or the end of the visit.
        <FollowContact id={id} lang={i18n.language as Lang} />
      )}
      {time && (
        <p className="updated" data-testid="follow-updated" data-at={at}>
          {t('follow.updated', { time })}
        </p>
      )}
    </main>
  );
}

const lang = pickLang(navigator.languages?.length ? navigator.languages : [navigator.language]);
document.documentElement.lang = lang;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={createI18n(lang)}>
      <Follow id={ticketIdFrom(window.location.href)} />
    </I18nextProvider>
  </StrictMode>,
);
