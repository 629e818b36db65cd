import type { ReactNode } from 'react';

/** One row of a {@link DataTable}: its cells and optional attributes for styling and tests. */
interface DataRow {
  key: string;
  cells: ReactNode[];
  className?: string;
  fund?: string;
}

/**
 * A captioned table of account data with column headers (`th scope=col`, which checkers ask
 * for). It takes the focus (tabindex 0) so a keypad client reaches it and speech mode reads
 * it, caption first and row by row.
 */
export function DataTable(props: {
  caption: string;
  columns: string[];
  rows: DataRow[];
  testId: string;
}) {
  return (
    <table className="table" tabIndex={0} data-testid={props.testId}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key} className={r.className} data-fund={r.fund}>
            {r.cells.map((c, i) => (
              <td key={i}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One figure with its name in a `.facts` list; focusable so the keypad and speech reach it,
 * unless `focusable` is false (a slip's facts, which speech reads from the heading).
 */
export function Fact(props: {
  term: string;
  children: ReactNode;
  testId?: string;
  focusable?: boolean;
}) {
  return (
    <div tabIndex={props.focusable === false ? undefined : 0}>
      <dt>{props.term}</dt>
      <dd data-testid={props.testId}>{props.children}</dd>
    </div>
  );
}
