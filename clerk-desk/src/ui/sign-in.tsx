import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskApi } from '../api/api-client';
import type { DeskSession } from '../api/session-store';
import { errorText } from './error-text';

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
      <label>
        {t('signIn.username')}
        <input
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </label>
      <label>
        {t('signIn.password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
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
