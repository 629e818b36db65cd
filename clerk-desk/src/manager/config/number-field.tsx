import { TextField } from '../../ui/text-field';

/** Props of {@link NumberField}. */
interface NumberFieldProps {
  label: string;
  value: number;
  /** Called with the number in the field after each change. */
  onValue: (value: number) => void;
  min?: number;
  max?: number;
  step?: number;
}

/** A labelled number input of a configuration form. */
export function NumberField({ onValue, ...props }: NumberFieldProps) {
  return <TextField type="number" {...props} onValue={(v) => onValue(Number(v))} />;
}
