import type { InputHTMLAttributes } from 'react';

/** Props of {@link TextField}: the input's own attributes, a label and a value callback. */
type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> & {
  label: string;
  /** Called with the text in the field after each change. */
  onValue: (value: string) => void;
  /** A class of the label (e.g. `wide` for a field that spans the row). */
  labelClassName?: string;
};

/** A labelled input of a form: the label names the field for screen readers. */
export function TextField({ label, onValue, labelClassName, ...input }: TextFieldProps) {
  return (
    <label className={labelClassName}>
      {label}
      <input {...input} onChange={(e) => onValue(e.target.value)} />
    </label>
  );
}

/** The password field of a sign-in form (required; the browser may fill the saved one). */
export function PasswordField(props: TextFieldProps) {
  return <TextField type="password" autoComplete="current-password" required {...props} />;
}

/** The user-name field of a sign-in form (required; the browser may fill the saved one). */
export function UsernameField(props: TextFieldProps) {
  return <TextField autoComplete="username" required {...props} />;
}
