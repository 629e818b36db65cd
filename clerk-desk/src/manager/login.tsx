import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField, UsernameField } from '../ui/text-field';
import { createManagerApi } from './api';
import { errorText } from './error-text';
import type { ManagerSession } from './session';

/** Sign-in for managers and admins; clerks are turned away with a clear message. */
export function Login({
  origin,
  onSignedIn,
}: {
  origin: string;
  onSignedIn: (s: ManagerSession) => void;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await createManagerApi(origin, () => undefined).login(username, password);
      if (r.role === 'clerk') setError(t('login.notManager'));
      else onSignedIn({ token: r.token, username: r.username, role: r.role });
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <main className="mgr-login">
      <form onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{t('login.title')}</h1>
        <UsernameField label={t('login.username')} value={username} onValue={setUsername} />
        <PasswordField label={t('login.password')} value={password} onValue={setPassword} />
        {error && (
          <p role="alert" className="mgr-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
