import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createManagerApi } from './api';
import { CalendarView } from './calendar/calendar-view';
import { ConfigView } from './config/config-view';
import { languages, setLang, type ManagerLang } from './i18n';
import { Login } from './login';
import { MonitorView } from './monitor/monitor-view';
import { loadSession, saveSession, type ManagerSession } from './session';
import { StatsView } from './stats/stats-view';

type Tab = 'monitor' | 'stats' | 'calendar' | 'config';
const TABS: Tab[] = ['monitor', 'stats', 'calendar', 'config'];

/** The branch manager's page: live monitor, statistics, configuration (admin edits). */
export function ManagerApp({ origin }: { origin: string }) {
  const { t, i18n } = useTranslation();
  const [session, setSession] = useState<ManagerSession | null>(loadSession);
  const [tab, setTab] = useState<Tab>('monitor');
  const api = useMemo(() => createManagerApi(origin, () => session?.token), [origin, session]);
  const signOut = () => {
    void api.logout().catch(() => {});
    saveSession(null);
    setSession(null);
  };
  if (!session)
    return (
      <Login
        origin={origin}
        onSignedIn={(s) => {
          saveSession(s);
          setSession(s);
        }}
      />
    );
  return (
    <div className="mgr">
      <header className="mgr-header">
        <h1>{t('app.title')}</h1>
        <nav role="tablist" aria-label={t('app.title')}>
          {TABS.map((k) => (
            <button
              key={k}
              role="tab"
              id={`tab-${k}`}
              aria-selected={tab === k}
              aria-controls={`panel-${k}`}
              className={tab === k ? 'active' : ''}
              onClick={() => setTab(k)}
            >
              {t(`app.tabs.${k}`)}
            </button>
          ))}
        </nav>
        <span className="mgr-who">
          {t('app.signedInAs', { name: session.username, role: t(`app.roles.${session.role}`) })}
        </span>
        <label className="mgr-lang">
          {t('app.lang')}{' '}
          <select
            value={i18n.language}
            onChange={(e) => void setLang(i18n, e.target.value as ManagerLang)}
          >
            {languages.map((l) => (
              <option key={l} value={l}>
                {l.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <button onClick={signOut}>{t('app.signOut')}</button>
      </header>
      <main id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'monitor' && (
          <MonitorView api={api} origin={origin} token={session.token} onExpired={signOut} />
        )}
        {tab === 'stats' && <StatsView api={api} />}
        {tab === 'calendar' && <CalendarView api={api} canEdit />}
        {tab === 'config' && <ConfigView api={api} canEdit={session.role === 'admin'} />}
      </main>
    </div>
  );
}
