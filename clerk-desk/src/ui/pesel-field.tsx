import { useTranslation } from 'react-i18next';
import { peselProblem } from '@skr/protocol/pesel';

/**
 * The client's PESEL typed by the clerk (digits only, 11 at most); once all 11 are there, what
 * is wrong with it (check digit, birth date) is said before anything is sent.
 */
export function PeselField(props: {
  value: string;
  onChange: (v: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const problem = props.value.length === 11 ? peselProblem(props.value) : null;
  return (
    <>
      <label>
        {t('followUp.pesel')}
        <input
          value={props.value}
          onChange={(e) => props.onChange(e.target.value.replace(/\D/g, '').slice(0, 11))}
          inputMode="numeric"
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          data-testid={props.testId}
        />
      </label>
      {problem && (
        <p className="error" role="alert" data-testid={`${props.testId}-error`}>
          {t(`followUp.peselProblem.${problem}`)}
        </p>
      )}
    </>
  );
}
