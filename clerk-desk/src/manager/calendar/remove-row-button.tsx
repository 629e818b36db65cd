import { useTranslation } from 'react-i18next';

/** The ✕ that drops row `index` from a plan list; its label names the row for screen readers. */
export function RemoveRowButton<T>(p: {
  rows: readonly T[];
  index: number;
  /** The row's name as the other fields of the row announce it ("wiersz 2"). */
  row: string;
  onChange: (rows: T[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      aria-label={`${t('calendar.remove')} (${p.row})`}
      onClick={() => p.onChange(p.rows.filter((_, j) => j !== p.index))}
    >
      ✕
    </button>
  );
}
