import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskBridge } from '@skr/protocol/kiosk-bridge';
import { isSkrError } from '@skr/protocol/errors';
import type { PuePasswordLoginStarted } from '@skr/protocol/pue';
import { api } from '../api';
import { Keypad } from '../keypad';
import { ErrorBox, Screen, Toggle } from '../ui';

/** A signed-in client: the portal token and the name to greet them with. */
export interface Signed {
  token: string;
  name: string;
  byCard: boolean;
}

/** Sign-in to PUE: ID card + PIN, or login + password + code from SMS/e-mail. */
export function PueLogin(props: {
  bridge: KioskBridge;
  pinpad: boolean;
  cardReader: boolean;
  onSigned: (s: Signed) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'card' | 'password'>(props.cardReader ? 'card' : 'password');
  const [pin, setPin] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [attempt, setAttempt] = useState<PuePasswordLoginStarted | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [triesLeft, setTriesLeft] = useState<number | null>(null);

  async function run(fn: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setTriesLeft(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
      if (isSkrError(e) && typeof e.details?.triesLeft === 'number')
        setTriesLeft(e.details.triesLeft);
    } finally {
      setBusy(false);
    }
  }
  const cardLogin = () =>
    run(async () => {
      const entered = pin;
      setPin(''); // the PIN leaves the screen state before the call
      const r = await props.bridge.call('cardLogin', props.pinpad ? {} : { pin: entered });
      props.onSigned({
        token: r.token,
        name: `${r.holder.givenName} ${r.holder.surname}`,
        byCard: true,
      });
    });
  const start = () =>
    run(async () => {
      setAttempt(await api.call('puePasswordLogin', { body: { login, password } }));
      setPassword('');
    });
  const verify = () =>
    run(async () => {
      const s = await api.call('puePasswordVerify', {
        body: { attemptId: attempt?.attemptId ?? '', code },
      });
      props.onSigned({
        token: s.token,
        name: `${s.profile.firstName} ${s.profile.lastName}`,
        byCard: false,
      });
    });

  return (
    <Screen title={t('pue.title')} onBack={props.onBack} testId="pue-login">
      <div className="tabs" role="group">
        {props.cardReader && (
          <Toggle pressed={mode === 'card'} onClick={() => setMode('card')} testId="mode-card">
            {t('pue.byCard')}
          </Toggle>
        )}
        <Toggle
          pressed={mode === 'password'}
          onClick={() => setMode('password')}
          testId="mode-password"
        >
          {t('pue.byPassword')}
        </Toggle>
      </div>
      <ErrorBox error={triesLeft === null ? error : null} />
      {triesLeft !== null && (
        <p className="error" role="alert" data-code="PIN_INVALID">
          {t('pue.triesLeft', { count: triesLeft })}
        </p>
      )}
      {mode === 'card' && (
        <form className="card-login" onSubmit={(e) => (e.preventDefault(), void cardLogin())}>
          <p>{props.pinpad ? t('pue.pinpad') : t('pue.insertCard')}</p>
          {!props.pinpad && (
            <>
              <label htmlFor="pin">{t('pue.pin')}</label>
              {/* Typed on the screen's keys or the kiosk keypad's digits; Enter signs in. */}
              <input
                id="pin"
                type="password"
                inputMode="none"
                autoComplete="off"
                value={pin}
                onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
                data-testid="pin"
                aria-live="off"
              />
              <Keypad
                value={pin}
                onChange={setPin}
                onEnter={() => void cardLogin()}
                max={8}
                label={t('pue.pin')}
              />
            </>
          )}
          <button
            type="submit"
            className="big primary"
            disabled={busy || (!props.pinpad && pin.length < 4)}
            data-testid="card-sign-in"
          >
            {t('pue.signIn')}
          </button>
        </form>
      )}
      {mode === 'password' && !attempt && (
        <form className="form" onSubmit={(e) => (e.preventDefault(), void start())}>
          <label htmlFor="login">{t('pue.login')}</label>
          <input
            id="login"
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            autoComplete="off"
            data-testid="login"
          />
          <label htmlFor="password">{t('pue.password')}</label>
          <input
            id="password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="off"
            data-testid="password"
          />
          <button
            type="submit"
            className="big primary"
            disabled={busy || !login || password.length < 12}
            data-testid="password-next"
          >
            {t('pue.next')}
          </button>
        </form>
      )}
      {mode === 'password' && attempt && (
        <form className="form" onSubmit={(e) => (e.preventDefault(), void verify())}>
          <p role="status">{t('pue.codeSent', { destination: attempt.destination })}</p>
          <label htmlFor="code">{t('pue.code')}</label>
          <input
            id="code"
            inputMode="numeric"
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
            autoComplete="one-time-code"
            data-testid="code"
          />
          <Keypad
            value={code}
            onChange={setCode}
            onEnter={() => void verify()}
            max={6}
            label={t('pue.code')}
          />
          <button
            type="submit"
            className="big primary"
            disabled={busy || code.length !== 6}
            data-testid="code-sign-in"
          >
            {t('pue.signIn')}
          </button>
        </form>
      )}
    </Screen>
  );
}
