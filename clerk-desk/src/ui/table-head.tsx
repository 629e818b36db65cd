/** One column heading: its text, and whether the column holds numbers (right-aligned). */
export type Column = string | { label: string; numeric: true };

/** A table's header row of column headings, each scoped to its column for screen readers. */
export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) =>
          typeof c === 'string' ? (
            <th key={c} scope="col">
              {c}
            </th>
          ) : (
            <th key={c.label} scope="col" className="num">
              {c.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
