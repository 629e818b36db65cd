import type { ComponentProps } from 'react';
import { TextField } from './form-parts';
import { Keypad } from './keypad';

/**
 * A PIN or code of digits, typed on the screen's keys or the kiosk keypad's digits; OK (Enter)
 * sends it. A `secret` one is a password field kept out of live regions, so speech mode counts
 * its digits and never says them. Other input attributes pass through to the field.
 */
export function PinField({
  id,
  label,
  value,
  max,
  onChange,
  onEnter,
  secret,
  ...input
}: Omit<ComponentProps<typeof TextField>, 'onChange'> & {
  value: string;
  max: number;
  onChange: (v: string) => void;
  onEnter: () => void;
  secret?: boolean;
}) {
  return (
    <>
      <TextField
        id={id}
        label={label}
        value={value}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, max))}
        {...(secret ? { type: 'password', inputMode: 'none', 'aria-live': 'off' } : {})}
        {...input}
      />
      <Keypad value={value} onChange={onChange} onEnter={onEnter} max={max} label={label} />
    </>
  );
}
