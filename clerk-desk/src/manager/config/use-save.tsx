import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../error-text';

/** Runs a save, then reloads; keeps a message (saved / why not) for a status line. */
export function useSave(reload: () => Promise<void>) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function save(run: () => Promise<unknown>): Promise<boolean> {
    try {
      await run();
      setMessage({ ok: true, text: t('config.saved') });
      await reload();
      return true;
    } catch (e) {
      setMessage({ ok: false, text: errorText(t, e) });
      return false;
    }
  }
  return { save, message };
}

/** The outcome of the last save, read out to screen-reader users. */
export function SaveStatus({ message }: { message: { ok: boolean; text: string } | null }) {
  if (!message) return null;
  return (
    <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'mgr-ok' : 'mgr-error'}>
      {message.text}
    </p>
  );
}
