import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskApi } from '../api/api-client';
import type { DeskSession } from '../api/session-store';
import { errorText } from './error-text';
import { PasswordField, UsernameField } from './text-field';

interface Props {
  api: DeskApi;
  onSignedIn(s: DeskSession): void;
  /** Why the clerk is here again (e.g. the session expired). */
  notice: string | null;
}

/** The staff sign-in form. */
export function SignIn({ api, onSignedIn, notice }: Props) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.login(username.trim(), password);
      onSignedIn({ token: r.token, username: r.username, role: r.role });
    } catch (err) {
      setError(errorText(t, err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="card sign-in" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-h">
      <h2 id="sign-in-h">{t('signIn.heading')}</h2>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <UsernameField
        label={t('signIn.username')}
        name="username"
        autoFocus
        value={username}
        onValue={setUsername}
      />
      <PasswordField
        name="password"
        label={t('signIn.password')}
        value={password}
        onValue={setPassword}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('signIn.busy') : t('signIn.submit')}
      </button>
    </form>
  );
}
