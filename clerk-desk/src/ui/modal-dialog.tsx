import { useEffect, useRef, type ReactNode } from 'react';

/** Props of {@link ModalDialog}. */
interface ModalDialogProps {
  className: string;
  /** The id of the dialog's heading, its accessible name. */
  labelledBy: string;
  /** Escape: the dialog stays open until the owner unmounts it. */
  onCancel(): void;
  children: ReactNode;
}

/**
 * A native modal <dialog>, open while mounted: the browser traps focus inside, Escape cancels,
 * and focus goes back to where it was on close — keyboard use for free, no library.
 */
export function ModalDialog({ className, labelledBy, onCancel, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
