import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createApi } from '../api/api-client';
import { loadSession, saveCounter, saveSession, type DeskSession } from '../api/session-store';
import { useQueue } from '../live/use-queue';
import { counterOf } from '../live/queue-state';
import { ConnectionBanner } from './connection-banner';
import { ConsoleView } from './console-view';
import { CounterChoice } from './counter-choice';
import { Header } from './header';
import { ProfileConfirmationDialog } from './profile-confirmation-dialog';
import { SignIn } from './sign-in';

/** The clerk console: sign in, choose a counter, serve clients. */
export function App({ origin }: { origin: string }) {
  const { t } = useTranslation();
  const stored = useMemo(() => loadSession(), []);
  const [session, setSession] = useState<DeskSession | null>(stored.session);
  const [counterId, setCounterId] = useState<number | null>(stored.counterId);
  const [notice, setNotice] = useState<string | null>(null);
  const [profileOpen, setProfileOpen] = useState(false);
  const tokenRef = useRef<string | undefined>(session?.token);
  tokenRef.current = session?.token;
  const api = useMemo(() => createApi(origin, () => tokenRef.current), [origin]);
  const live = useQueue(origin, session?.token ?? null, api);

  const signIn = useCallback((s: DeskSession) => {
    saveSession(s);
    setNotice(null);
    setSession(s);
  }, []);
  const signOut = useCallback(
    (message: string | null = null) => {
      if (tokenRef.current && message === null) api.logout().catch(() => undefined);
      saveSession(null);
      setSession(null);
      setCounterId(null);
      setNotice(message);
    },
    [api],
  );
  const chooseCounter = useCallback((id: number | null) => {
    saveCounter(id);
    setCounterId(id);
  }, []);

  // A token the server no longer knows (expired, or a new database): back to the sign-in.
  useEffect(() => {
    if (live.status === 'unauthorized') signOut(t('link.expired'));
  }, [live.status, signOut, t]);

  const counter = counterOf(live.snapshot, counterId);
  return (
    <div className="app">
      <Header
        session={session}
        counter={counter}
        status={session ? live.status : null}
        onSignOut={() => signOut()}
        onChangeCounter={counter && !counter.ticket ? () => chooseCounter(null) : undefined}
        onConfirmProfile={
          session?.role === 'clerk' || session?.role === 'manager'
            ? () => setProfileOpen(true)
            : undefined
        }
      />
      {session && <ConnectionBanner status={live.status} recovered={live.recovered} />}
      <main className="main" id="main">
        {!session ? (
          <SignIn api={api} onSignedIn={signIn} notice={notice} />
        ) : counterId === null || !live.snapshot ? (
          <CounterChoice
            api={api}
            live={live}
            username={session.username}
            onChosen={(id) => chooseCounter(id)}
          />
        ) : (
          <ConsoleView
            api={api}
            live={live}
            counterId={counterId}
            onClosed={() => chooseCounter(null)}
          />
        )}
      </main>
      {session && profileOpen && (
        <ProfileConfirmationDialog api={api} onClose={() => setProfileOpen(false)} />
      )}
    </div>
  );
}
