import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isSkrError } from '@skr/protocol/errors';
import { errorCode } from './api';
import { formatDate, formatTime } from './format';

/** A big touch button (≥ 48 px; the CSS makes most far larger) with an optional hint line. */
export function BigButton(props: {
  label: string;
  hint?: string;
  onClick: () => void;
  disabled?: boolean;
  pressed?: boolean;
  testId?: string;
  variant?: 'primary' | 'secondary';
}) {
  return (
    <button
      type="button"
      className={`big ${props.variant ?? 'primary'}`}
      onClick={props.onClick}
      disabled={props.disabled}
      aria-pressed={props.pressed}
      data-testid={props.testId}
    >
      <span className="big-label">{props.label}</span>
      {props.hint && <span className="big-hint">{props.hint}</span>}
    </button>
  );
}

/** A small on/off button (a display choice, a sign-in mode); `aria-pressed` tells its state. */
export function Toggle(props: {
  pressed: boolean;
  onClick: () => void;
  testId: string;
  children: ReactNode;
  keyShortcut?: string;
  lang?: string;
}) {
  return (
    <button
      type="button"
      className="small"
      lang={props.lang}
      aria-pressed={props.pressed}
      aria-keyshortcuts={props.keyShortcut}
      onClick={props.onClick}
      data-testid={props.testId}
    >
      {props.children}
    </button>
  );
}

/** A screen's frame: heading (focused for screen readers), content, optional back button. */
export function Screen(props: {
  title: string;
  children: ReactNode;
  onBack?: () => void;
  testId?: string;
  /** A class besides `screen` (the start screen's layout). */
  className?: string;
}) {
  const { t } = useTranslation();
  const className = props.className ? `screen ${props.className}` : 'screen';
  return (
    <section className={className} aria-labelledby="screen-title" data-testid={props.testId}>
      <h1 id="screen-title" tabIndex={-1}>
        {props.title}
      </h1>
      {props.children}
      {props.onBack && (
        <div className="nav">
          <button type="button" className="small" onClick={props.onBack} data-keypad-back>
            {t('app.back')}
          </button>
        </div>
      )}
    </section>
  );
}

/** An error from our catalogue by code, announced to screen readers; never a stack. */
export function ErrorBox({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = errorCode(error);
  const key = `errors.${code}`;
  const opensAt = isSkrError(error) ? error.details?.opensAt : undefined;
  // An early arrival is told when check-in opens (the branch sends it), not "cancelled".
  const text =
    code === 'CONFLICT' && typeof opensAt === 'string'
      ? t('errors.tooEarly', { date: formatDate(opensAt), time: formatTime(opensAt) })
      : t(key) === key
        ? t('errors.generic')
        : t(key);
  return <ErrorText code={code}>{text}</ErrorText>;
}

/** An error line announced at once (`role="alert"`); `code` tells tests which error it is. */
export function ErrorText(props: { code?: string; testId?: string; children: ReactNode }) {
  return (
    <p className="error" role="alert" data-code={props.code} data-testid={props.testId}>
      {props.children}
    </p>
  );
}

/** A refused PIN told with the tries the card has left; any other error as {@link ErrorBox}. */
export function PinError(props: { error: unknown; triesLeftKey: string }) {
  const { t } = useTranslation();
  const left = isSkrError(props.error) ? props.error.details?.triesLeft : undefined;
  if (typeof left !== 'number') return <ErrorBox error={props.error} />;
  return <ErrorText code="PIN_INVALID">{t(props.triesLeftKey, { count: left })}</ErrorText>;
}
