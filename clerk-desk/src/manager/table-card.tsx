import type { ReactNode } from 'react';
import { TableHead, type Column } from '../ui/table-head';
import { Card } from './card';

/** Props of {@link TableCard}. */
interface TableCardProps {
  id: string;
  title: string;
  testId?: string;
  columns: Column[];
  /** The table's body rows. */
  rows: ReactNode;
  /** A long table scrolls inside its card instead of stretching the page. */
  scroll?: boolean;
  /** What follows the table in the card (buttons, an edit form). */
  children?: ReactNode;
}

/** A titled card holding one table of the manager's pages, its columns given as data. */
export function TableCard(props: TableCardProps) {
  const table = (
    <table className="mgr-table">
      <TableHead columns={props.columns} />
      <tbody>{props.rows}</tbody>
    </table>
  );
  return (
    <Card id={props.id} title={props.title} testId={props.testId}>
      {props.scroll ? <div className="mgr-scroll">{table}</div> : table}
      {props.children}
    </Card>
  );
}
