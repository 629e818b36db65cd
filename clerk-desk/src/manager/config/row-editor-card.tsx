import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../card';
import type { EditorProps } from './editor-props';

/** The form of one item of a {@link rowEditorCard}, or of a new one when `item` is null. */
type RowComponent<T> = ComponentType<EditorProps & { item: T | null }>;

/**
 * A configuration card (`cfg-<name>`, titled `config.<name>`) of one `Row` form per item and an
 * empty one at the end for a new item. `keyOf` changes whenever a saved item does, so its row
 * starts again from the saved values.
 */
export function rowEditorCard<T>(name: string, Row: RowComponent<T>, keyOf: (item: T) => string) {
  return function RowEditorCard({ items, ...editor }: EditorProps & { items: readonly T[] }) {
    const { t } = useTranslation();
    return (
      <Card id={`cfg-${name}`} title={t(`config.${name}`)}>
        {items.map((item) => (
          <Row key={keyOf(item)} item={item} {...editor} />
        ))}
        {/* The key changes after an add, so the new row comes back empty. */}
        {editor.canEdit && <Row key={`new-${items.length}`} item={null} {...editor} />}
      </Card>
    );
  };
}
