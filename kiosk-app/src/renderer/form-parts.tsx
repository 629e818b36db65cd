// The pieces the kiosk's typed forms share: the form itself, a labelled field with its hint and
// error, and the big submit button. Explicit label–control pairs (for + id): checkers
// (HTML_CodeSniffer) do not credit a label that merely wraps its control.
import type { ComponentProps, ReactNode } from 'react';

/**
 * A form sent by its submit button, Enter (a scanner ends with it) or the keypad's OK. The
 * screen checks the fields itself and names what is wrong, so the browser's checks are off.
 */
export function KioskForm(props: {
  onSubmit: () => void;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <form
      className={props.className ?? 'code-form'}
      noValidate
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      {props.children}
    </form>
  );
}

/** The big submit button of a {@link KioskForm}. */
export function SubmitButton({
  label,
  testId,
  ...button
}: {
  label: string;
  disabled?: boolean;
  testId: string;
}) {
  return (
    <button type="submit" className="big primary" data-testid={testId} {...button}>
      {label}
    </button>
  );
}

/**
 * A labelled text field with an optional hint under it and, when `error` is set, the error
 * announced and tied to the field (`aria-invalid`, `aria-describedby`). Other input attributes
 * pass through; `autoComplete` is off unless given, the test id is the field's id unless given.
 */
export function TextField({
  id,
  label,
  hint,
  error,
  errorTestId,
  testId,
  ...input
}: Omit<ComponentProps<'input'>, 'id'> & {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: ReactNode;
  errorTestId?: string;
  testId?: string;
}) {
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        data-testid={testId ?? id}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="error" role="alert" data-testid={errorTestId}>
          {error}
        </p>
      )}
    </>
  );
}
