import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskBridge } from '@skr/protocol/kiosk-bridge';
import type { PuePasswordLoginStarted } from '@skr/protocol/pue';
import { api } from '../api';
import { KioskForm, SubmitButton, TextField } from '../form-parts';
import { PinField } from '../pin-field';
import { PinError, Screen, Toggle } from '../ui';
import { useAction } from '../use-action';

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
  const { busy, error, run } = useAction();

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
      <PinError error={error} triesLeftKey="pue.triesLeft" />
      {mode === 'card' && (
        <KioskForm className="card-login" onSubmit={() => void cardLogin()}>
          <p>{props.pinpad ? t('pue.pinpad') : t('pue.insertCard')}</p>
          {!props.pinpad && (
            // Typed on the screen's keys or the kiosk keypad's digits; Enter signs in.
            <PinField
              id="pin"
              label={t('pue.pin')}
              value={pin}
              max={8}
              onChange={setPin}
              onEnter={() => void cardLogin()}
              secret
            />
          )}
          <SubmitButton
            label={t('pue.signIn')}
            disabled={busy || (!props.pinpad && pin.length < 4)}
            testId="card-sign-in"
          />
        </KioskForm>
      )}
      {mode === 'password' && !attempt && (
        <KioskForm className="form" onSubmit={() => void start()}>
          <TextField
            id="login"
            label={t('pue.login')}
            value={login}
            onChange={(e) => setLogin(e.target.value)}
          />
          <TextField
            id="password"
            label={t('pue.password')}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <SubmitButton
            label={t('pue.next')}
            disabled={busy || !login || password.length < 12}
            testId="password-next"
          />
        </KioskForm>
      )}
      {mode === 'password' && attempt && (
        <KioskForm className="form" onSubmit={() => void verify()}>
          <p role="status">{t('pue.codeSent', { destination: attempt.destination })}</p>
          <PinField
            id="code"
            label={t('pue.code')}
            value={code}
            max={6}
            onChange={setCode}
            onEnter={() => void verify()}
            inputMode="numeric"
            autoComplete="one-time-code"
          />
          <SubmitButton
            label={t('pue.signIn')}
            disabled={busy || code.length !== 6}
            testId="code-sign-in"
          />
        </KioskForm>
      )}
    </Screen>
  );
}
