import { useTranslation } from 'react-i18next';
import type { DeskSession } from '../api/session-store';
import { languages, setLang, type DeskLang } from '../i18n';
import type { LinkStatus } from '../live/queue-connection';
import type { CounterView } from '../live/queue-state';
import { CounterSign } from './counter-sign';

interface Props {
  session: DeskSession | null;
  counter: CounterView | undefined;
  status: LinkStatus | null;
  onSignOut(): void;
  /** Absent while a client is in hand: the clerk must finish first. */
  onChangeCounter?: () => void;
  /** Opens "Potwierdź profil PUE" (clerks and managers only; absent otherwise). */
  onConfirmProfile?: () => void;
}

/** Top bar: counter and clerk, link state, language, sign out. */
export function Header({
  session,
  counter,
  status,
  onSignOut,
  onChangeCounter,
  onConfirmProfile,
}: Props) {
  const { t, i18n } = useTranslation();
  return (
    <header className="header">
      <div className="header-title">
        <span className="brand" aria-hidden="true">
          ZUS · SKR
        </span>
        <h1>{counter ? counter.name : t('app.title')}</h1>
        {counter && <CounterSign counter={counter} />}
        {counter && (
          <span className={`badge state-${counter.state}`}>
            {t(`counterState.${counter.state}`)}
          </span>
        )}
      </div>
      <div className="header-tools">
        {status && (
          <span className={`link link-${status}`} role="status" aria-live="polite">
            <span className="dot" aria-hidden="true" />
            {status === 'online'
              ? t('link.online')
              : status === 'offline'
                ? t('errors.DISCONNECTED')
                : t('link.connecting')}
          </span>
        )}
        <div className="langs" role="group" aria-label={t('app.language')}>
          {languages.map((l: DeskLang) => (
            <button
              key={l}
              type="button"
              className="lang"
              aria-pressed={i18n.language === l}
              onClick={() => void setLang(l)}
            >
              {l.toUpperCase()}
            </button>
          ))}
        </div>
        {session && <span className="user">{session.username}</span>}
        {onConfirmProfile && (
          <button type="button" className="quiet" onClick={onConfirmProfile}>
            {t('profile.open')}
          </button>
        )}
        {onChangeCounter && (
          <button type="button" className="quiet" onClick={onChangeCounter}>
            {t('app.changeCounter')}
          </button>
        )}
        {session && (
          <button type="button" className="quiet" onClick={onSignOut}>
            {t('app.signOut')}
          </button>
        )}
      </div>
    </header>
  );
}
