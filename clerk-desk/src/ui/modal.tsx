import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  /** Submit of the dialog's form. */
  onConfirm(): void;
  onCancel(): void;
  confirmDisabled?: boolean;
  children: ReactNode;
}

/**
 * A native modal <dialog>: the browser traps focus inside, Escape cancels, and focus goes
 * back to where it was on close — keyboard use for free, no library.
 */
export function Modal({ title, onConfirm, onCancel, confirmDisabled, children }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  function submit(e: FormEvent) {
    e.preventDefault();
    onConfirm();
  }
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby="modal-h"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={submit}>
        <h2 id="modal-h">{title}</h2>
        {children}
        <div className="modal-buttons">
          <button type="button" onClick={onCancel}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="primary" disabled={confirmDisabled}>
            {t('actions.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
