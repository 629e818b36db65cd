import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorProps } from './editor-props';
import { SaveStatus, useSave } from './use-save';

/** Props of {@link RowForm}. */
interface RowFormProps {
  /** Whether the user may change (otherwise every field is shown disabled) and the reload. */
  editor: Pick<EditorProps, 'canEdit' | 'reload'>;
  /** Sends the row to the server; a reload and the save status follow. */
  save: () => Promise<unknown>;
  /** The form's accessible name (the thing it edits). */
  label: string;
  testId?: string;
  /** A row for a new item says "add" on its button instead of "save". */
  isNew?: boolean;
  children: ReactNode;
}

/** One editable row of a configuration card: its fields, a submit button and the save status. */
export function RowForm(props: RowFormProps) {
  const { t } = useTranslation();
  const { save, message } = useSave(props.editor.reload);
  return (
    <form
      className="mgr-row-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(props.save);
      }}
      aria-label={props.label}
      data-testid={props.testId}
    >
      <fieldset disabled={!props.editor.canEdit}>
        {props.children}
        <button type="submit">{props.isNew ? t('config.add') : t('config.save')}</button>
      </fieldset>
      <SaveStatus message={message} />
    </form>
  );
}
