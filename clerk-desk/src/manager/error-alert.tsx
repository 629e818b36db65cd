import { useTranslation } from 'react-i18next';
import { errorText } from './error-text';

/** A failed load of a manager's page, said in the reader's language; nothing while `error` is null. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === null) return null;
  return (
    <p role="alert" className="mgr-error">
      {errorText(t, error)}
    </p>
  );
}
