import { counterSign, type CounterIdentity } from '@skr/protocol';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** "nr 9" / "nr T9": the counter as clients hear and see it, for a line of text on the desk. */
export function deskCounterSign(t: TFunction, c: CounterIdentity): string {
  return t('counterSign', { sign: counterSign(c) });
}

/** The counter's public sign beside its name, as the voice, boards and screens give it. */
export function CounterSign({ counter }: { counter: CounterIdentity }) {
  const { t } = useTranslation();
  return (
    <span
      className="counter-sign"
      data-testid="counter-sign"
      aria-label={t('counterSignLong', { sign: counterSign(counter) })}
    >
      {deskCounterSign(t, counter)}
    </span>
  );
}
