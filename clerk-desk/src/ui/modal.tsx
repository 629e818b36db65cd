import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from './modal-dialog';

interface Props {
  title: string;
  /** Submit of the dialog's form. */
  onConfirm(): void;
  onCancel(): void;
  confirmDisabled?: boolean;
  children: ReactNode;
}

/** A modal form: a title, its fields, and Cancel / Confirm (Enter submits, Escape cancels). */
export function Modal({ title, onConfirm, onCancel, confirmDisabled, children }: Props) {
  const { t } = useTranslation();
  function submit(e: FormEvent) {
    e.preventDefault();
    onConfirm();
  }
  return (
    <ModalDialog className="modal" labelledBy="modal-h" onCancel={onCancel}>
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
    </ModalDialog>
  );
}
